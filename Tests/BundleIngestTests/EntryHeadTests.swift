import BundleIngest
import Foundation
import Testing

/// Each readable entry's first bytes are read once, by the bundle layer, and handed on with the entry: the bytes the
/// archive sniff looked at serve the readers' recognition, and an extracted member's come from what was written.
@Suite("entry heads handed on")
struct EntryHeadTests {
    @Test("every entry once, in entry order, with its first headLength bytes (all of a shorter file)")
    func heads() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let long = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var tar = TarBuilder()
        tar.addFile("inner/short.txt", "a short member\n")
        var archive = ZipBuilder()
        archive.add(.init(name: "big.bin", data: long, method: 8))
        archive.add("small.txt", "hello\n", method: 0)
        tar.finish()
        archive.add(.init(name: "nested.tar", data: tar.bytes, method: 8))
        let zipPath = try scratch.write("bundle.zip", archive.build())
        let loose = try scratch.write("loose.log", Array(long.prefix(20_000)))
        var seen: [(String, [UInt8])] = []
        let bundle = BundleReader.open(paths: [zipPath, loose], workDirectory: scratch.work, headLength: 16_384) {
            seen.append(($0.displayPath, $1))
        }
        #expect(seen.map(\.0) == bundle.entries.map(\.displayPath))
        #expect(seen.count == 4, "big.bin, small.txt, the tar's member, the loose file; not the tar itself")
        for ((path, head), entry) in zip(seen, bundle.entries) {
            let expected = Array(contents(entry.localPath).prefix(16_384))
            #expect(head == expected, "\(path)")
        }
        #expect(seen.first?.1.count == 16_384)
        #expect(seen.last?.1 == Array(long.prefix(16_384)))
    }

    @Test("the head is at least a tar header block, whatever is asked")
    func atLeastATarBlock() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("x.log", Array(repeating: UInt8(ascii: "a"), count: 4_000))
        var head: [UInt8] = []
        _ = BundleReader.open(paths: [path], workDirectory: scratch.work, headLength: 10) { head = $1 }
        #expect(head.count == 512)
    }
}
