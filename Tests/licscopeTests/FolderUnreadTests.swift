import Foundation
import TestSupport
import Testing

/// What a folder holds but cannot be read is classified the same way by every command: a file that cannot be
/// opened is damage (evidence lost: exit 3, and `analyze`'s inventory says partly unreadable); a FIFO, in the folder
/// or in an archive there, is skipped as what it is and never opened; a symbolic link is refused, never followed.
@Suite("inputs: unreadable files and FIFOs in folders")
struct FolderUnreadTests {
    /// A folder readable by anyone holding a capture, a license output and a log, removed by the caller.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-unread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        chmod(dir.path, 0o755)
        let fm = FileManager.default
        try fm.copyItem(at: InputsTests.capture, to: dir.appendingPathComponent("packets.cap"))
        try fm.copyItem(at: BinaryRunner.seed, to: dir.appendingPathComponent("show-license.txt"))
        try fm.copyItem(at: InputsTests.log, to: dir.appendingPathComponent("slm.log"))
        for name in ["packets.cap", "show-license.txt", "slm.log"] { chmod(dir.appendingPathComponent(name).path, 0o644) }
        return dir
    }

    /// The inventory entry of `path` in `analyze --format json`'s output.
    static func inventoryEntry(_ json: String, path: String) throws -> [String: Any]? {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let inventory = document?["inventory"] as? [[String: Any]] ?? []
        return inventory.first { $0["path"] as? String == path }
    }

    @Test("a file that cannot be opened is damage on every command (exit 3, or 4 with findings)",
          .enabled(if: BinaryRunner.canRunUnprivileged, "needs a user file permissions apply to"),
          arguments: ["events", "packets", "status", "analyze"])
    func unreadableIsDamage(command: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let locked = dir.appendingPathComponent("locked.log")
        try Samples.licenseLog.write(to: locked, atomically: true, encoding: .utf8)
        chmod(locked.path, 0o000)
        let format = command == "analyze" ? ["--format", "json"] : []
        let r = try BinaryRunner.run([command] + format + [dir.path], unprivileged: true)
        // The path is said once, by the entry or the line's prefix.
        let reason = "cannot read: Permission denied"
        if command == "analyze" {
            #expect([3, 4].contains(r.status), "stderr: \(r.stderr)")
            let entry = try Self.inventoryEntry(r.stdout, path: locked.path)
            #expect(entry?["status"] as? String == "partly_unreadable")
            #expect(entry?["reason"] as? String == reason)
        } else {
            #expect(r.status == 3, "stderr: \(r.stderr)")
            #expect(r.stderr.contains("licscope: \(locked.path): \(reason)\n"), "\(r.stderr)")
            #expect(!r.stderr.contains("skipped: cannot be read"), "\(r.stderr)")
        }
    }

    @Test("a FIFO in a folder is skipped as a FIFO on every command, never opened, not damage",
          arguments: ["events", "packets", "status", "analyze"])
    func fifoIsSkipped(command: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.log")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let format = command == "analyze" ? ["--format", "json"] : []
        let r = try BinaryRunner.run([command] + format + [dir.path])
        if command == "analyze" {
            #expect([0, 1].contains(r.status), "a FIFO loses no evidence; stderr: \(r.stderr)")
            let entry = try Self.inventoryEntry(r.stdout, path: fifo.path)
            #expect(entry?["status"] as? String == "skipped")
            #expect(entry?["reason"] as? String == "not a regular file (FIFO); not opened")
        } else {
            #expect(r.status == 0, "stderr: \(r.stderr)")
            #expect(r.stderr.contains("licscope: \(fifo.path): skipped: not a regular file (FIFO); not opened\n"),
                    "\(r.stderr)")
        }
    }

    @Test("a symbolic link in a folder is refused, not followed, on every command; a dangling one is said too",
          arguments: ["events", "packets", "status", "analyze"])
    func linksAreRefused(command: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("current.log")
        let dangling = dir.appendingPathComponent("gone.log")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "slm.log")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nothing-here.log")
        let format = command == "analyze" ? ["--format", "json"] : []
        let r = try BinaryRunner.run([command] + format + [dir.path])
        let reason = "symbolic link (links are not followed)"
        if command == "analyze" {
            #expect([3, 4].contains(r.status), "stderr: \(r.stderr)")
            for path in [link.path, dangling.path] {
                #expect(try Self.inventoryEntry(r.stdout, path: path)?["reason"] as? String == reason)
            }
        } else {
            #expect(r.status == 3, "stderr: \(r.stderr)")
            for path in [link.path, dangling.path] {
                #expect(r.stderr.contains("licscope: \(path): \(reason)\n"), "\(r.stderr)")
            }
            // The file it points to is read once, under its own name; the link's only line is its refusal.
            let linkLines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("licscope: \(link.path): ") }
            #expect(linkLines == ["licscope: \(link.path): \(reason)"], "\(r.stderr)")
        }
    }

    @Test("a FIFO inside a tar in a folder is skipped with its kind on every command, not damage",
          arguments: ["events", "packets", "status"])
    func fifoInArchiveIsSkipped(command: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tar = HostileInputs.tar([("pipe", [])], type: UInt8(ascii: "6")) + [UInt8](repeating: 0, count: 1024)
        try Data(tar).write(to: dir.appendingPathComponent("extra.tar"))
        let r = try BinaryRunner.run([command, dir.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let shown = dir.appendingPathComponent("extra.tar").path + "!pipe"
        #expect(r.stderr.contains("licscope: \(shown): skipped: not a regular file (FIFO); not opened\n"), "\(r.stderr)")
    }
}
