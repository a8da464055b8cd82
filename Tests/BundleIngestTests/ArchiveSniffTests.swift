import BundleIngest
import Foundation
import TestSupport
import Testing

/// The bundle layer's only part in recognition: containers, and a look inside gzip.
@Suite("ArchiveSniff")
struct ArchiveSniffTests {
    @Test("zip, tar, gzip and unsupported formats are archives; text, captures and junk are not")
    func archives() {
        var zip = ZipBuilder()
        zip.add("a.txt", "a")
        var tar = TarBuilder()
        tar.addFile("a.txt", "a")
        for archive in [zip.build(), tar.bytes, DeflateEncoder.gzip(Array("x".utf8)), [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]] {
            #expect(ArchiveSniff.isArchive(archive[...]))
        }
        for plain in [Array(Samples.cli.utf8), Samples.pcapHeaderLE, Samples.junk, []] {
            #expect(!ArchiveSniff.isArchive(plain[...]))
        }
    }

    @Test("a gzip file's head is given with what it decompresses to; a plain file's without")
    func gzipHead() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gz = try scratch.write("slm.log.gz", DeflateEncoder.gzip(Array(Samples.licenseLog.utf8)))
        let head = try #require(ArchiveSniff.head(path: gz, count: 16))
        #expect(head.decompressed == Array(Samples.licenseLog.utf8.prefix(16)))
        let plain = try scratch.write("slm.log", Samples.licenseLog)
        #expect(ArchiveSniff.head(path: plain, count: 8)?.bytes == Array(Samples.licenseLog.utf8.prefix(8)))
        #expect(ArchiveSniff.head(path: plain, count: 8)?.decompressed == nil)
        #expect(ArchiveSniff.head(path: scratch.root + "/missing", count: 8) == nil)
    }
}
