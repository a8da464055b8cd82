import ArgumentParser
import Foundation

/// An error the command reports in one line (`licscope: error: …`) before exiting 2: I/O problems, unreadable
/// options, refusals such as `--strict` on merged product instances.
struct CommandFailure: Error, CustomStringConvertible {
    /// The message, without the `licscope: error:` prefix.
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where a report goes: standard output, or the `-o FILE` the user named (`-` is standard output too).
struct OutputFile {
    /// The path, or nil for standard output.
    let path: String?

    init(_ path: String?) { self.path = path == "-" ? nil : path }

    /// Refuses, before any work is done, a file whose folder does not exist or is not a folder.
    func validate() throws {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        let parent = folder.isEmpty ? "." : folder
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) else {
            throw ValidationError("cannot write -o \(path): the folder \(parent) does not exist")
        }
        guard isDirectory.boolValue else { throw ValidationError("cannot write -o \(path): \(parent) is not a folder") }
    }

    /// A descriptor to stream into: standard output, or the file created (or truncated) for writing. The file is
    /// left open for the rest of the process.
    func openForStreaming() throws -> Int32 {
        guard let path else { return STDOUT_FILENO }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Writes the whole text, mapping a failure to one line.
    func write(_ text: String) throws {
        guard let path else { return Terminal.write(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch let error as NSError {
            let reason = (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
            throw CommandFailure("cannot write \(path): \(reason)")
        }
    }
}
