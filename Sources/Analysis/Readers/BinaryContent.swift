/// Tells binary content from text in a file's first bytes, so that text markers are only looked for in text.
enum BinaryContent {
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
