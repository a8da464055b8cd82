import Testing
@testable import BundleIngest

/// A small archive whose directory points many entries at the same bytes (the overlapping-entry zip bomb).
@Suite("zip members that share data")
struct ZipOverlapTests {
    static func member(_ name: String, offset: Int, compressed: Int) -> ZipMember {
        ZipMember(name: name, flags: 0, method: 8, crc: 0, compressedSize: compressed, uncompressedSize: compressed * 150,
            localHeaderOffset: offset, externalAttributes: 0, hostSystem: 3)
    }

    @Test("entries pointing at one local header, or into another member's data, are refused")
    func overlaps() {
        let same = (0..<30).map { Self.member("bomb\($0).log", offset: 0, compressed: 8_000_000) }
        #expect(ZipExpander.overlappingMembers(same) == Set(1..<30))
        let inside = [Self.member("a", offset: 0, compressed: 1_000), Self.member("b", offset: 500, compressed: 100)]
        #expect(ZipExpander.overlappingMembers(inside) == [1])
    }

    @Test("members laid out one after another are not overlapping, whatever the directory order")
    func disjoint() {
        let members = [
            Self.member("b", offset: 1_100, compressed: 50), Self.member("a", offset: 0, compressed: 1_000),
            Self.member("c", offset: 1_300, compressed: 10),
        ]
        #expect(ZipExpander.overlappingMembers(members).isEmpty)
    }
}
