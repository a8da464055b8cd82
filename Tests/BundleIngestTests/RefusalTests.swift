import BundleIngest
import Foundation
import TestSupport
import Testing

@Suite("Refusals: traversal, absolute paths, links, devices")
struct RefusalTests {
    @Test("zip slip and absolute names are refused and nothing is written outside the work directory")
    func zipSlip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("../evil", "owned")
        zip.add("../../work/evil2", "owned")
        zip.add("/etc/evil3", "owned")
        zip.add("C:\\evil4", "owned")
        zip.add("ok/../../evil5", "owned")
        zip.add("fine.log", Samples.licenseLog)
        let (path, bundle) = try scratch.open("slip.zip", zip.build())
        let refused = bundle.inventory.filter { $0.status == .refused }
        #expect(refused.map(\.displayPath) == ["../evil", "../../work/evil2", "/etc/evil3", "C:\\evil4", "ok/../../evil5"].map { path + "!" + $0 })
        #expect(refused[0].reason == "path traversal (..) in archive member name")
        #expect(refused[2].reason == "absolute path in archive member name")
        #expect(refused[3].reason?.contains("drive-letter") == true)
        #expect(bundle.entries.map(\.displayPath) == [path + "!fine.log"])
        for name in ["evil", "work/evil2", "evil5"] {
            #expect(!FileManager.default.fileExists(atPath: scratch.root + "/" + name))
        }
        #expect(bundle.hasUnreadableInput)
    }

    @Test("tar traversal and absolute names are refused")
    func tarSlip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("../evil", "owned")
        tar.addFile("/tmp/evil", "owned")
        tar.addFile("ok.log", Samples.licenseLog)
        tar.finish()
        let (path, bundle) = try scratch.open("slip.tar", tar.bytes)
        #expect(bundle.inventory.filter { $0.status == .refused }.map(\.displayPath) == [path + "!../evil", path + "!/tmp/evil"])
        #expect(bundle.entries.map(\.displayPath) == [path + "!ok.log"])
        #expect(!FileManager.default.fileExists(atPath: scratch.root + "/evil"))
    }

    @Test("symbolic and hard links in tar are refused; a device or FIFO entry is skipped as what it is (not damage)")
    func tarLinks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addLink("passwd", target: "/etc/passwd")
        tar.addLink("hard", target: "ok.log", hard: true)
        tar.addDevice("sda")
        tar.addFIFO("pipe")
        tar.addFile("ok.log", Samples.licenseLog)
        tar.finish()
        let (path, bundle) = try scratch.open("links.tar", tar.bytes)
        let reasons = bundle.inventory.filter { $0.status == .refused }.map(\.reason)
        #expect(reasons == ["symbolic link to /etc/passwd (links are refused)", "hard link to ok.log (links are refused)"])
        #expect(bundle.item(path + "!sda")?.status == .skipped)
        #expect(bundle.item(path + "!sda")?.reason == "not a regular file (character device); not opened")
        #expect(bundle.item(path + "!pipe")?.status == .skipped)
        #expect(bundle.item(path + "!pipe")?.reason == "not a regular file (FIFO); not opened")
        #expect(bundle.entries.count == 1)
    }

    @Test("symbolic links in zip (Unix external attributes) are refused; a FIFO or device is skipped as what it is")
    func zipLinks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "link", data: Array("/etc/passwd".utf8), unixMode: 0o120777))
        zip.add(.init(name: "fifo", data: [], unixMode: 0o010644))
        zip.add(.init(name: "regular.log", data: Array(Samples.licenseLog.utf8), unixMode: 0o100644))
        let (path, bundle) = try scratch.open("links.zip", zip.build())
        #expect(bundle.item(path + "!link")?.reason == "symbolic link (links are refused)")
        #expect(bundle.item(path + "!fifo")?.status == .skipped)
        #expect(bundle.item(path + "!fifo")?.reason == "not a regular file (FIFO); not opened")
        #expect(bundle.entries.map(\.displayPath) == [path + "!regular.log"])
    }

    @Test("symbolic links inside input folders are not followed")
    func folderLinks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("in/slm.log", Samples.licenseLog)
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/in/shadow", withDestinationPath: "/etc/shadow")
        let bundle = BundleReader.open(paths: [scratch.root + "/in"], workDirectory: scratch.work)
        #expect(bundle.entries.map(\.displayPath) == [scratch.root + "/in/slm.log"])
        let link = try #require(bundle.inventory.first { $0.displayPath.hasSuffix("/shadow") })
        #expect(link.status == .refused)
        #expect(link.reason == "symbolic link (links are not followed)")
    }
}
