import BundleIngest
import Foundation
import Inflate
import LicensingModel
import TestSupport
import Testing

/// FIFOs, devices and sockets are refused without being opened for reading (a FIFO blocks `open()` forever).
@Suite("special files")
struct SpecialFileTests {
    @Test("a FIFO given as an input is refused at once, the other inputs are read")
    func fifoInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fifo = scratch.root + "/pipe.log"
        #expect(mkfifo(fifo, 0o600) == 0)
        let log = try scratch.write("slm.log", Samples.licenseLog)
        let started = Date()
        let bundle = BundleReader.open(paths: [fifo, log], workDirectory: scratch.work)
        #expect(Date().timeIntervalSince(started) < 5)
        let item = try #require(bundle.item(fifo))
        #expect(item.status == .refused)
        #expect(item.reasons == [.notRegularFile(.fifo)])
        #expect(bundle.entries.map(\.displayPath) == [log])
    }

    @Test("devices are refused by the reader itself", arguments: ["/dev/zero", "/dev/null"])
    func device(path: String) {
        #expect(SpecialFile.refusal(path)?.contains("character device") == true)
        #expect(throws: FileReadError.self) { try RandomAccessFile(path: path) }
    }

    @Test("regular files and directories are not special")
    func regular() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(SpecialFile.refusal(try scratch.write("a.txt", "x")) == nil)
        #expect(SpecialFile.refusal(scratch.root) == nil)
    }

    @Test("an unlistable directory is damage, not a skip", .enabled(if: getuid() != 0, "root lists every directory"))
    func unlistable() throws {
        let scratch = try Scratch()
        defer { chmod(scratch.root + "/locked", 0o700); scratch.remove() }
        try scratch.write("locked/a.log", Samples.licenseLog)
        chmod(scratch.root + "/locked", 0o000)
        let bundle = BundleReader.open(paths: [scratch.root + "/locked"], workDirectory: scratch.work)
        #expect(bundle.item(scratch.root + "/locked")?.status == .partlyUnreadable)
        #expect(bundle.hasUnreadableInput)
    }
}
