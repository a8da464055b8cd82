/// Recognises the timestamped line layouts of License Manager traces without knowing their exact pattern
/// (domain-notes §1.3: log4j `yyyy-MM-dd HH:mm:ss,SSS LEVEL …` and the CUC diag style `HH:MM:SS.mmm |…`), so a
/// trace line quoting CLI words still votes for a trace.
enum TraceLineLayout {
    private static let levels: [[UInt8]] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"].map { Array($0.utf8) }

    /// True for a line that starts with a date-time or time stamp and carries a log level (log4j) or the diag `|`.
    @Sendable static func isTimestampedLogLine(_ line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == 0x20 || $0 == 0x09 }
        if matches(body, pattern: isoDateTime) || matches(body, pattern: slashDateTime) {
            let head = body.prefix(80)
            return levels.contains { level in contains(head, level) }
        }
        return matches(body, pattern: diagTime)
    }

    private static let isoDateTime = Array("dddd-dd-dd dd:dd:dd".utf8)
    private static let slashDateTime = Array("dddd/dd/dd dd:dd:dd".utf8)
    private static let diagTime = Array("dd:dd:dd.ddd |".utf8)

    /// `d` matches an ASCII digit; any other pattern character matches itself.
    private static func matches(_ bytes: ArraySlice<UInt8>, pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for (byte, expected) in zip(bytes, pattern) {
            if expected == UInt8(ascii: "d") {
                guard (0x30...0x39).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        return true
    }

    /// True when `needle` occurs in `bytes` (plain search over at most 80 bytes).
    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
        var index = bytes.startIndex
        while index <= bytes.endIndex - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
