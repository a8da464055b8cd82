import BundleIngest
import Foundation
import Inflate
import LicensingModel
import TestSupport
import Testing

/// Every inventory reason is a typed value with where and how much: each is produced here by a really damaged or
/// hostile input and checked as the value, not by matching its words (a tar header whose checksum fails:
/// `TarTests.badHeader`).
@Suite("typed inventory reasons")
struct InventoryReasonTests {
    @Test("a zip cut inside its only member: no central directory, members recovered, the member's data cut short")
    func truncatedZip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("a.log", String(repeating: Samples.licenseLog, count: 4))
        let whole = zip.build()
        let (path, bundle) = try scratch.open("cut.zip", Array(whole[0..<(30 + 5 + 200)]))
        let archive = try #require(bundle.item(path))
        #expect(archive.reasons == [.recoveredFromLocalHeaders(.noEndRecord), .member(path: "a.log", .dataCutShort)])
        #expect(bundle.item(path + "!a.log")?.reasons == [.dataCutShort])
        #expect(bundle.item(path + "!a.log")?.status == .partlyUnreadable)
    }

    @Test("a tar cut inside a member: the member says how much, the archive which member")
    func truncatedTarMember() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("b.txt", String(repeating: Samples.cli, count: 10))
        tar.finish()
        let (path, bundle) = try scratch.open("cut.tar", Array(tar.bytes[0..<(512 + 300)]))
        #expect(bundle.item(path + "!b.txt")?.reasons
            == [.truncatedMember(copied: 300, declared: String(repeating: Samples.cli, count: 10).utf8.count)])
        #expect(bundle.item(path)?.reasons == [.archiveEndsInside(path: "b.txt")])
    }

    @Test("a gzip whose CRC-32 trailer is wrong: the decompressor's corrupt-data error, typed")
    func gzipCRC() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var gz = DeflateEncoder.gzip(Array(Samples.licenseLog.utf8))
        gz[gz.count - 8] ^= 0xff
        let (path, bundle) = try scratch.open("slm.log.gz", gz)
        let item = try #require(bundle.item(path))
        #expect(item.status == .partlyUnreadable)
        guard case .readFailed(.inflate(let error))? = item.reasons.first else {
            Issue.record("expected an inflate failure, got \(item.reasons)")
            return
        }
        #expect(error.kind == .corrupt)
        #expect(item.reasons.count == 1)
    }

    @Test("oversized members: declared over the per-file limit, or inflating past it")
    func oversized() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var limits = BundleLimits.default
        limits.maxEntryBytes = 1000
        var zip = ZipBuilder()
        zip.add("big.log", String(repeating: "x", count: 2000))
        let (zipPath, zipped) = try scratch.open("sizes.zip", zip.build(), limits: limits)
        #expect(zipped.item(zipPath + "!big.log")?.reasons == [.declaredSizeOverLimit(declared: 2000, limit: 1000)])
        #expect(zipped.item(zipPath + "!big.log")?.status == .refused)
        let (gzPath, gzipped) = try scratch.open("big.log.gz", DeflateEncoder.gzip(Array(repeating: 0x41, count: 5000)),
                                                 limits: limits)
        #expect(gzipped.item(gzPath)?.reasons == [.largerThanLimit(limit: 1000)])
    }

    @Test("unsafe names and links are refused with what they are")
    func unsafeNames() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("../evil.log", "x")
        zip.add("/etc/passwd", "x")
        zip.add(.init(name: "link", data: Array("ok.log".utf8), unixMode: 0o120777))
        let (path, bundle) = try scratch.open("names.zip", zip.build())
        #expect(bundle.item(path + "!../evil.log")?.reasons == [.pathTraversal])
        #expect(bundle.item(path + "!/etc/passwd")?.reasons == [.absolutePath])
        #expect(bundle.item(path + "!link")?.reasons == [.link(hard: false, target: nil)])
        var tar = TarBuilder()
        tar.addLink("hard", target: "ok.log", hard: true)
        tar.finish()
        let (tarPath, tarred) = try scratch.open("links.tar", tar.bytes)
        #expect(tarred.item(tarPath + "!hard")?.reasons == [.link(hard: true, target: "ok.log")])
    }

    @Test("a CRC mismatch in a zip member is named on the member and on its archive")
    func zipCRC() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "crc.log", data: Array(Samples.licenseLog.utf8), crcOverride: 0x1234_5678))
        let (path, bundle) = try scratch.open("crc.zip", zip.build())
        #expect(bundle.item(path + "!crc.log")?.reasons == [.crcMismatch])
        #expect(bundle.item(path)?.reasons == [.member(path: "crc.log", .crcMismatch)])
    }

    @Test("a FIFO in a folder is skipped as a FIFO, never opened; named, it is refused")
    func fifoInFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.write("in/slm.log", Samples.licenseLog)
        let fifo = scratch.root + "/in/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let folder = BundleReader.open(paths: [scratch.root + "/in"], workDirectory: scratch.work)
        #expect(folder.item(fifo)?.status == .skipped)
        #expect(folder.item(fifo)?.reasons == [.notRegularFile(.fifo)])
        #expect(!folder.hasUnreadableInput, "nothing collected is lost: a FIFO holds no bytes")
        #expect(folder.entries.map(\.displayPath) == [log])
        let named = BundleReader.open(paths: [fifo], workDirectory: scratch.work)
        #expect(named.item(fifo)?.status == .refused)
        #expect(named.item(fifo)?.reasons == [.notRegularFile(.fifo)])
    }

    @Test("limits that stop an archive say which limit and where")
    func archiveLimits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var limits = BundleLimits.default
        limits.maxEntries = 1
        var zip = ZipBuilder()
        zip.add("a.log", "a")
        zip.add("b.log", "b")
        let (path, bundle) = try scratch.open("many.zip", zip.build(), limits: limits)
        #expect(bundle.item(path)?.reasons == [.tooManyMembers(limit: 1)])
        let (xzPath, xz) = try scratch.open("logs.tar.xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4, 1, 2, 3])
        #expect(xz.item(xzPath)?.reasons == [.unsupportedArchiveFormat("xz")])
    }

    @Test("every reason's words come from one place and round-trip through JSON as values")
    func codable() throws {
        let reasons: [InventoryReason] = [
            .member(path: "a.log", .truncatedMember(copied: 3, declared: 9)), .notRegularFile(.socket),
            .readFailed(.inflate(InflateError(kind: .corrupt, offset: 12, message: "incorrect data check"))),
        ]
        let decoded = try JSONDecoder().decode([InventoryReason].self, from: JSONEncoder().encode(reasons))
        #expect(decoded == reasons)
        #expect(InventoryReason.text(reasons)
            == "a.log: truncated: 3 of 9 bytes; not a regular file (socket); not opened; "
            + "corrupt at compressed offset 12: incorrect data check")
    }
}
