/// Decides what a file is from its first bytes. The name only breaks ties between equally likely text classes.
public enum FileClassifier {
    /// How many leading bytes callers should pass (more is accepted, and ignored).
    public static let prefixLength = 16 * 1024

    /// The class of a file whose content starts with `prefix` (pass at least `prefixLength` bytes when the file
    /// has them). gzip data is `.archive`: classify its decompressed content to learn what it holds.
    public static func classify(prefix: [UInt8], name: String) -> FileClass {
        let head = prefix.prefix(prefixLength)
        if let capture = captureClass(head) { return capture }
        if ArchiveFormat.sniff(head) != nil { return .archive }
        if looksBinary(head) { return .binary }
        return textClass(head, name: name)
    }

    /// pcap (four magics: µs and ns, both byte orders, plus the "modified" pcap magic) or pcapng (section header
    /// block followed by the byte-order magic in either order).
    static func captureClass(_ head: ArraySlice<UInt8>) -> FileClass? {
        let pcapMagics: [[UInt8]] = [
            [0xa1, 0xb2, 0xc3, 0xd4], [0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x4d, 0x3c, 0xb2, 0xa1],
            [0xa1, 0xb2, 0xcd, 0x34], [0x34, 0xcd, 0xb2, 0xa1],
        ]
        if head.count >= 24, pcapMagics.contains(where: { head.starts(with: $0) }) { return .pcap }
        if head.count >= 12, head.starts(with: [0x0a, 0x0d, 0x0d, 0x0a]) {
            let byteOrder = head.dropFirst(8).prefix(4)
            if byteOrder.elementsEqual([0x1a, 0x2b, 0x3c, 0x4d]) || byteOrder.elementsEqual([0x4d, 0x3c, 0x2b, 0x1a]) {
                return .pcapng
            }
        }
        return nil
    }

    /// NUL bytes, more than one byte in ten being a control character other than tab, newline, CR, FF, VT, ESC,
    /// or more than one byte in twenty not being part of valid UTF-8 (Latin-1 text has few such bytes).
    static func looksBinary(_ head: ArraySlice<UInt8>) -> Bool {
        head.withUnsafeBufferPointer { bytes in
            var controls = 0
            var invalid = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0: return true
                case 0x09...0x0d, 0x1b, 0x20...0x7f: continue
                case 0x01..<0x20: controls += 1
                default:
                    let length = Self.utf8SequenceLength(bytes, at: index - 1)
                    if length == 0 { invalid += 1 } else { index += length - 1 }
                }
            }
            return controls * 10 > bytes.count || invalid * 20 > bytes.count
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `start` (a sequence cut by the end counts as
    /// well-formed), or 0 when the byte cannot start one.
    private static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        let length: Int
        switch bytes[start] {
        case 0xc2...0xdf: length = 2
        case 0xe0...0xef: length = 3
        case 0xf0...0xf4: length = 4
        default: return 0
        }
        let end = min(start + length, bytes.count)
        var index = start + 1
        while index < end {
            if bytes[index] & 0xc0 != 0x80 { return 0 }
            index += 1
        }
        return end - start
    }
}

extension ArraySlice where Element == UInt8 {
    /// True when `needle` occurs in the slice (plain search; classification only looks at a few KiB).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = startIndex
        let lastStart = endIndex - needle.count
        while index <= lastStart {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
