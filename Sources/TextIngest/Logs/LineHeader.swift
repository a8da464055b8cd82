/// The head of a log line: its timestamp and the layout-specific fields around it (level, thread, component,
/// syslog facility/severity/mnemonic), read without assuming a fixed prefix.
///
/// Read from the line's UTF-8 bytes in place; strings are made only for the fields kept (the stamp's raw text and
/// zone, thread, component, syslog fields; the level is a shared literal).
struct LineHeader: Hashable, Sendable {
    /// The line's layout family.
    enum Layout: String, Hashable, Sendable {
        /// `19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] class#method - message`.
        case cuslmsvr
        /// `2018-01-26 15:11:23,456 ERROR [thread] class - message` and similar layouts.
        case log4j
        /// `%FACILITY-SEVERITY-MNEMONIC:` lines, or month-name stamps.
        case syslog
        /// `%UC_RTMT-2-RTMT_ALERT` lines (RTMT alerts forwarded to syslog).
        case rtmtAlert
        /// A timestamp in no recognized layout.
        case other
        /// No timestamp.
        case untimed
    }

    var stamp: WallStamp?
    var layout: Layout = .untimed
    var level: String?
    var thread: String?
    var component: String?
    var facility: String?
    var severity: String?
    var mnemonic: String?

    static let levels: [String] = ["TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "SEVERE",
        "NOTICE", "CRITICAL"]
    private static let levelBytes: [[UInt8]] = levels.map { Array($0.utf8) }

    /// How far into the line a `%FACILITY-SEVERITY-MNEMONIC` is looked for.
    static let maxHeadBytes = 400

    /// Parses the start of `line` (callers pass a bounded prefix).
    init(parsing line: Substring) {
        var text = String(line)
        self = text.withUTF8 { LineHeader(utf8: $0) }
    }

    /// Parses the start of a line given as UTF-8 bytes (valid UTF-8: a string's bytes, or plain ASCII; callers
    /// pass a bounded prefix).
    init(utf8 line: UnsafeBufferPointer<UInt8>) {
        readSyslogMnemonic(line, limit: Self.scalarBoundary(line, atMost: Self.maxHeadBytes))
        guard let found = LogTimestampScanner.scan(line) else {
            layout = mnemonic != nil ? .syslog : .untimed
            if mnemonic == "RTMT_ALERT" { layout = .rtmtAlert }
            return
        }
        defer { if mnemonic == "RTMT_ALERT" { layout = .rtmtAlert } }
        stamp = found.stamp
        var rest = found.end
        while rest < line.count, line[rest] == 0x20 || line[rest] == 0x09 { rest += 1 }
        if !found.stamp.hasDate, Self.isCharacter(0x7C, in: line, at: rest) {  // |
            readCuSlmSvr(line, from: rest + 1)
        } else if mnemonic != nil
            || (found.stamp.hasDate && found.stamp.raw.utf8.first.map(LogTimestampScanner.isASCIILetter) == true)
        {
            layout = .syslog
        } else {
            readLevelAndThread(line, from: rest)
            layout = level != nil ? .log4j : .other
        }
    }

    /// A level word and a `[thread]` among the next few tokens from `start`.
    mutating func readLevelAndThread(_ u: UnsafeBufferPointer<UInt8>, from start: Int) {
        var i = start
        let n = u.count
        for _ in 0..<4 {
            while i < n, u[i] == 0x20 || u[i] == 0x09 { i += 1 }
            guard i < n else { return }
            if u[i] == 0x5B {  // [
                let open = i + 1
                var close = open
                while close < min(n, open + 120), u[close] != 0x5D { close += 1 }
                guard close < min(n, open + 120) else { return }
                if let l = Self.level(u, open..<close) {
                    level = l
                } else if thread == nil, open < close {
                    thread = LogTimestampScanner.string(u, open..<close)
                }
                i = close + 1
                continue
            }
            var end = i
            while end < n, u[end] != 0x20, u[end] != 0x09 { end += 1 }
            guard level == nil, let l = Self.level(u, i..<end) else { return }
            level = l
            i = end
        }
    }

    /// The level a word names (`ERROR`), nil for any other word. The shared literal, not a new string per line.
    static func level(_ u: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> String? {
        let n = word.count
        guard n >= 4, n <= 8, word.allSatisfy({ u[$0] >= 0x41 && u[$0] <= 0x5A }) else { return nil }
        guard let k = levelBytes.firstIndex(where: { $0.count == n && zip($0, word).allSatisfy { $0 == u[$1] } })
        else { return nil }
        return levels[k]
    }

    /// Whether the character at byte `i` is `byte` alone: the byte, and no combining mark joined to it.
    static func isCharacter(_ byte: UInt8, in u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < u.count, u[i] == byte else { return false }
        guard i + 1 < u.count, u[i + 1] >= 0x80 else { return true }
        let text = String(decoding: UnsafeBufferPointer(rebasing: u[i..<min(u.count, i + 8)]), as: UTF8.self)
        return text.first == Character(Unicode.Scalar(byte))
    }

    /// `at most` bytes of `u`, rounded down to the start of a scalar.
    static func scalarBoundary(_ u: UnsafeBufferPointer<UInt8>, atMost: Int) -> Int {
        var k = min(atMost, u.count)
        while k > 0, k < u.count, u[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }
}
