import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output being written: standard output, or an `-o` file that appears under its name only when the command
/// ``finish()``es. A regular file (or a new one) is written as a hidden sibling, `.NAME.licscope-PID.partial`, and
/// renamed over the target at the end: until then a file that was there keeps its old content, and an
/// interrupted or failed run leaves neither a partial report nor the sibling (``EarlyExitCleanup`` removes it). A
/// target that is not a regular file (`/dev/stdout`, a FIFO, a device) is written in place and never removed. An
/// output dropped without ``finish()`` (a failed second report) is removed the same way.
struct StreamedOutput: ~Copyable {
    /// The descriptor to write to.
    let fd: Int32
    /// The sibling being written and the path it is renamed to (nil: written in place).
    private let pending: (partial: String, target: String)?
    /// The file removed if the run ends early (the sibling, or a target written in place); nil for a FIFO or device.
    private let removedEarly: String?
    /// Whether ``finish()`` ran; an output dropped before it is removed, as an early exit would.
    private var done = false

    /// Standard output.
    init() {
        fd = STDOUT_FILENO
        pending = nil
        removedEarly = nil
    }

    /// Opens `path` for writing as described above; the error says the path and the system's reason.
    init(path: String) throws {
        var target = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            // A link to a file: the file it points to is replaced, the link kept.
            target = String(cString: resolved)
            free(resolved)
        }
        let exists = stat(target, &status) == 0
        if exists, access(target, W_OK) != 0 {
            // A file the user may not write is not replaced behind its back.
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard !exists || status.st_mode & S_IFMT == S_IFREG else {
            fd = try Self.openTarget(target, flags: O_WRONLY | O_TRUNC | O_CLOEXEC, shownAs: path)
            pending = nil
            removedEarly = nil
            return
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let partial = (folder.isEmpty ? "" : folder + "/") + ".\(name).licscope-\(getpid()).partial"
        EarlyExitCleanup.register(.file(partial))
        let opened = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            // No sibling can be made (a folder the user may not create in): the file itself is written, and
            // removed if the run does not finish.
            EarlyExitCleanup.register(.file(target))
            EarlyExitCleanup.unregister(.file(partial))
            do {
                fd = try Self.openTarget(target, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, shownAs: path)
            } catch {
                EarlyExitCleanup.unregister(.file(target))
                throw error
            }
            pending = nil
            removedEarly = target
            return
        }
        if exists { fchmod(opened, status.st_mode & 0o7777) }
        fd = opened
        pending = (partial, target)
        removedEarly = partial
    }

    /// Closes the file and puts it in place under its name (standard output is left open).
    consuming func finish() throws {
        guard fd != STDOUT_FILENO else { return }
        done = true
        close(fd)
        defer { if let removedEarly { EarlyExitCleanup.unregister(.file(removedEarly)) } }
        guard let pending, rename(pending.partial, pending.target) != 0 else { return }
        let reason = String(cString: strerror(errno))
        unlink(pending.partial)
        throw CommandFailure("cannot write \(pending.target): \(reason)")
    }

    /// Gives the output up: the file is removed (as when it is dropped unfinished).
    consuming func discard() {}

    deinit {
        guard !done, fd != STDOUT_FILENO else { return }
        close(fd)
        guard let removedEarly else { return }
        unlink(removedEarly)
        EarlyExitCleanup.unregister(.file(removedEarly))
    }

    private static func openTarget(_ path: String, flags: Int32, shownAs shown: String) throws -> Int32 {
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw CommandFailure("cannot write \(shown): \(String(cString: strerror(errno)))") }
        return fd
    }
}
