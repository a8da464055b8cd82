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
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].contains(byte) { controls += 1 }
        }
        return controls * 10 > head.count || invalidUTF8Count(head) * 20 > head.count
    }

    /// Bytes that cannot belong to a well-formed UTF-8 sequence (a sequence cut by the end of `head` is fine).
    static func invalidUTF8Count(_ head: ArraySlice<UInt8>) -> Int {
        var invalid = 0
        var index = head.startIndex
        while index < head.endIndex {
            let byte = head[index]
            let length: Int
            switch byte {
            case 0x00...0x7f: length = 1
            case 0xc2...0xdf: length = 2
            case 0xe0...0xef: length = 3
            case 0xf0...0xf4: length = 4
            default: length = 0
            }
            guard length > 0 else {
                invalid += 1
                index += 1
                continue
            }
            let end = min(index + length, head.endIndex)
            if head[(index + 1)..<end].allSatisfy({ $0 & 0xc0 == 0x80 }) {
                index = end
            } else {
                invalid += 1
                index += 1
            }
        }
        return invalid
    }

    /// Each line votes for the first class whose marker it contains (`ContentMarkers.ordered`); a timestamped
    /// log4j / diag-style line without such a marker votes for a license log before the CLI markers are tried,
    /// since trace messages often quote CLI words. The most votes wins; with no vote at all, plain text.
    static func textClass(_ head: ArraySlice<UInt8>, name: String) -> FileClass {
        var votes: [FileClass: Int] = [:]
        for line in head.split(separator: 0x0a, omittingEmptySubsequences: true) {
            if let vote = vote(for: line) { votes[vote, default: 0] += 1 }
        }
        guard let best = votes.values.max() else { return .text }
        let leaders = ContentMarkers.ordered.map(\.0).filter { votes[$0] == best }
        if leaders.count > 1 {
            let lowered = name.lowercased()
            if let hinted = ContentMarkers.nameHints.first(where: { lowered.contains($0.0) && leaders.contains($0.1) }) {
                return hinted.1
            }
        }
        return leaders.first ?? .text
    }

    private static func vote(for line: ArraySlice<UInt8>) -> FileClass? {
        for (fileClass, markers) in ContentMarkers.ordered {
            if fileClass == .cli && LogLayout.isTimestampedLogLine(line) { return .licenseLog }
            if markers.contains(where: { line.containsBytes($0) }) { return fileClass }
        }
        return nil
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
