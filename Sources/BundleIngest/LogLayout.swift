/// Recognises the timestamped line layouts of License Manager traces without knowing their exact pattern
/// (domain-notes §1.3: log4j `yyyy-MM-dd HH:mm:ss,SSS LEVEL …` and the CUC diag style `HH:MM:SS.mmm |…`).
enum LogLayout {
    private static let levels: [[UInt8]] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"].map { Array($0.utf8) }

    /// True for a line that starts with a date-time or time stamp and carries a log level (log4j) or the diag `|`.
    static func isTimestampedLogLine(_ line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == 0x20 || $0 == 0x09 }
        if matches(body, pattern: isoDateTime) || matches(body, pattern: slashDateTime) {
            return levels.contains { body.prefix(80).containsBytes($0) }
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
}
