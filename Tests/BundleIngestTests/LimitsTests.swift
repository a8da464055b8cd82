import BundleIngest
import Foundation
import TestSupport
import Testing

@Suite("Limits: bombs, sizes, entry count, nesting")
struct LimitsTests {
    let strict = BundleLimits(maxTotalBytes: 64 << 20, maxEntryBytes: 32 << 20, maxCompressionRatio: 100,
                              ratioGraceBytes: 1 << 20, maxEntries: 1000, maxDepth: 3)

    @Test("a zip member declaring a bomb ratio is refused before extraction")
    func declaredBomb() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zeros = 16 << 20
        var zip = ZipBuilder()
        zip.add(.init(name: "bomb.log", data: [UInt8](repeating: 0, count: zeros), method: 8,
                      payload: DeflateEncoder.zeros(zeros)))
        zip.add("ok.log", Samples.licenseLog)
        let (path, bundle) = try scratch.open("bomb.zip", zip.build(), limits: strict)
        let bomb = try #require(bundle.item(path + "!bomb.log"))
        #expect(bomb.status == .refused)
        #expect(bomb.reason?.contains("compression ratio above 100:1") == true)
        #expect(bundle.entries.map(\.displayPath) == [path + "!ok.log"])
    }

    @Test("a zip member lying about its size is stopped while streaming")
    func lyingBomb() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zeros = 16 << 20
        var zip = ZipBuilder()
        zip.add(.init(name: "liar.log", data: [UInt8](repeating: 0, count: zeros), method: 8,
                      payload: DeflateEncoder.zeros(zeros), declaredSize: 1000))
        let (path, bundle) = try scratch.open("liar.zip", zip.build(), limits: strict)
        let liar = try #require(bundle.item(path + "!liar.log"))
        #expect(liar.status == .refused)
        #expect(liar.reason?.contains("decompression bomb") == true)
        #expect(bundle.entries.isEmpty)
        let work = try #require(bundle.workDirectory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty, "the partial copy is deleted")
    }

    @Test("a gzip bomb is refused by ratio")
    func gzipBomb() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zeros = 16 << 20
        let gz = DeflateEncoder.gzip([UInt8](repeating: 0, count: zeros), deflate: DeflateEncoder.zeros(zeros))
        let (_, bundle) = try scratch.open("bomb.log.gz", gz, limits: strict)
        #expect(bundle.entries.isEmpty)
        #expect(bundle.inventory.first?.status == .refused)
        #expect(bundle.inventory.first?.reason?.contains("compression ratio") == true)
    }

    @Test("per-file and total size limits refuse members")
    func sizeLimits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var limits = strict
        limits.maxEntryBytes = 1000
        limits.maxTotalBytes = 1500
        var zip = ZipBuilder()
        zip.add("big.log", String(repeating: "x", count: 2000))
        zip.add("a.log", String(repeating: "a", count: 900))
        zip.add("b.log", String(repeating: "b", count: 900))
        let (path, bundle) = try scratch.open("sizes.zip", zip.build(), limits: limits)
        #expect(bundle.item(path + "!big.log")?.reason == "declared size 2000 bytes exceeds the per-file limit of 1000 bytes")
        #expect(bundle.item(path + "!a.log")?.status == .parsed, "within the limits: handed on to the readers")
        #expect(bundle.item(path + "!b.log")?.reason == "total extraction limit of 1500 bytes reached")
    }

    @Test("the entry count limit stops an archive and says so")
    func entryCount() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var limits = strict
        limits.maxEntries = 3
        var zip = ZipBuilder()
        for index in 0..<6 { zip.add("f\(index).log", Samples.licenseLog) }
        let (_, bundle) = try scratch.open("many.zip", zip.build(), limits: limits)
        #expect(bundle.entries.count == 3)
        let archive = try #require(bundle.inventory.first)
        #expect(archive.status == .partlyUnreadable)
        #expect(archive.reason == "more than 3 archive members in the bundle; the rest were not examined")
    }

    @Test("the per-archive time limit stops an archive as damage with the offset, and the next input is still read")
    func archiveTimeLimit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var limits = strict
        limits.maxSecondsPerArchive = 0
        var zip = ZipBuilder()
        for index in 0..<3 { zip.add("f\(index).log", Samples.licenseLog) }
        let archive = try scratch.write("slow.zip", zip.build())
        let loose = try scratch.write("loose.log", Samples.licenseLog)
        let bundle = BundleReader.open(paths: [archive, loose], workDirectory: scratch.work, limits: limits)
        #expect(bundle.entries.map(\.displayPath) == [loose])
        let item = try #require(bundle.item(archive))
        #expect(item.status == .partlyUnreadable)
        #expect(item.reason == "time limit of 0 s per archive reached at offset 0; the rest of the archive was not examined")
    }

    @Test("archives nested deeper than the limit are refused")
    func depth() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var inner = ZipBuilder()
        inner.add("deep.log", Samples.licenseLog)
        var middle = ZipBuilder()
        middle.add(.init(name: "inner.zip", data: inner.build()))
        var outer = ZipBuilder()
        outer.add(.init(name: "middle.zip", data: middle.build()))
        let path = try scratch.write("outer.zip", outer.build())
        var limits = strict
        limits.maxDepth = 2
        let bundle = BundleReader.open(paths: [path], workDirectory: scratch.work, limits: limits)
        let innerItem = try #require(bundle.item(path + "!middle.zip!inner.zip"))
        #expect(innerItem.status == .refused)
        #expect(innerItem.reason == "archive nested deeper than 2 levels")
        #expect(bundle.entries.isEmpty)
        limits.maxDepth = 3
        let deeper = BundleReader.open(paths: [path], workDirectory: scratch.work, limits: limits)
        #expect(deeper.entries.map(\.displayPath) == [path + "!middle.zip!inner.zip!deep.log"])
    }
}
