import BundleIngest
import Foundation
import TestSupport
import Testing

@Suite("gzip, tar.gz and nested archives")
struct GzipAndNestingTests {
    @Test("a .gz log is handed on decompressed and keeps the .gz name")
    func singleGzip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, bundle) = try scratch.open("slm.log.1.gz", DeflateEncoder.gzip(Array(Samples.licenseLog.utf8)))
        let entry = try #require(bundle.entries.first)
        #expect(bundle.entries.count == 1)
        #expect(entry.displayPath == path)
        #expect(contents(entry.localPath) == Array(Samples.licenseLog.utf8))
        #expect(bundle.inventory.map(\.status) == [.parsed])
        // The decompressed copy must not be named .gz: a reader checking the name against gzip magic would call
        // a valid gzip file "not gzip data" (issue 11).
        #expect(!entry.localPath.hasSuffix(".gz"))
    }

    @Test("a truncated .gz keeps what decoded and says where it stopped")
    func truncatedGzip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let text = String(repeating: Samples.licenseLog, count: 30)
        let gz = DeflateEncoder.gzip(Array(text.utf8))
        let (_, bundle) = try scratch.open("gch.log.gz", Array(gz[0..<(gz.count / 2)]))
        let entry = try #require(bundle.entries.first)
        #expect(Array(text.utf8).starts(with: contents(entry.localPath)))
        #expect(entry.size > 0 && entry.size < text.utf8.count)
        let item = try #require(bundle.inventory.first)
        #expect(item.status == .partlyUnreadable)
        #expect(item.reason?.hasPrefix("truncated at compressed offset \(gz.count / 2)") == true)
    }

    @Test("tar.gz members are shown as a.tar.gz!path")
    func tarGz() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("x/y.log", Samples.licenseLog)
        tar.addFile("x/capture.pcap", Samples.pcapHeaderLE)
        tar.finish()
        let (path, bundle) = try scratch.open("a.tgz", DeflateEncoder.gzip(tar.bytes))
        #expect(bundle.entries.map(\.displayPath) == [path + "!x/y.log", path + "!x/capture.pcap"])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Samples.pcapHeaderLE])
        #expect(bundle.inventory.first?.fileClass == .archive)
    }

    @Test("archives inside archives: a.zip!inner.tar.gz!x/y.log")
    func nested() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("x/y.log", Samples.licenseLog)
        tar.finish()
        var zip = ZipBuilder()
        zip.add(.init(name: "inner.tar.gz", data: DeflateEncoder.gzip(tar.bytes)))
        zip.add("top.txt", Samples.cli)
        let (path, bundle) = try scratch.open("a.zip", zip.build())
        #expect(bundle.entries.map(\.displayPath) == [path + "!inner.tar.gz!x/y.log", path + "!top.txt"])
        #expect(bundle.inventory.map(\.displayPath) == [path, path + "!inner.tar.gz", path + "!inner.tar.gz!x/y.log", path + "!top.txt"])
        #expect(bundle.inventory[1].fileClass == .archive)
        let work = try #require(bundle.workDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: work)
        #expect(files.count == 2, "the extracted inner archive is deleted once expanded")
    }

    @Test("an unsupported archive format is refused with its name")
    func unsupportedFormat() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, bundle) = try scratch.open("logs.tar.xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4, 1, 2, 3])
        #expect(bundle.inventory == [InventoryItem(displayPath: path, size: 11, fileClass: .archive, status: .refused,
                                                   reasons: [.unsupportedArchiveFormat("xz")])])
        #expect(bundle.workDirectory == nil)
    }
}
