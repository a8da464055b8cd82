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

    /// The output to stream into: standard output, or the file, which appears under its name when the command
    /// calls ``StreamedOutput/finish()`` (an interrupted or failed run leaves none).
    func openForStreaming() throws -> StreamedOutput {
        guard let path else { return StreamedOutput() }
        return try StreamedOutput(path: path)
    }

    /// Writes the whole text, mapping a failure to one line.
    func write(_ text: String) throws {
        guard let path else { return Terminal.write(text) }
        let output = try StreamedOutput(path: path)
        // The one write loop (short writes, EINTR); its failure is said with the path.
        var sink = OutputSink(fd: output.fd, failureEndsCommand: false)
        sink.receive(Array(text.utf8))
        if let failure = sink.failure { throw CommandFailure("cannot write \(path): \(failure)") }
        try output.finish()
    }
}
