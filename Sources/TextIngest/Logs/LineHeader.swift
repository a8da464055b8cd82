import Foundation

/// The head of a log line: its timestamp and the layout-specific fields around it (level, thread, component,
/// syslog facility/severity/mnemonic), read without assuming a fixed prefix.
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

    /// Parses the start of `line` (callers pass a bounded prefix).
    init(parsing line: Substring) {
        readSyslogMnemonic(line)
        guard let found = LogTimestampScanner.scan(line) else {
            layout = mnemonic != nil ? .syslog : .untimed
            if mnemonic == "RTMT_ALERT" { layout = .rtmtAlert }
            return
        }
        defer { if mnemonic == "RTMT_ALERT" { layout = .rtmtAlert } }
        stamp = found.stamp
        let rest = line[found.end...].drop { $0 == " " || $0 == "\t" }
        if !found.stamp.hasDate, rest.hasPrefix("|") {
            readCuSlmSvr(rest.dropFirst())
        } else if mnemonic != nil || (found.stamp.hasDate && found.stamp.raw.first?.isLetter == true) {
            layout = .syslog
        } else {
            readLevelAndThread(rest)
            layout = level != nil ? .log4j : .other
        }
    }

    /// `8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] …` (header) or `8060,,,CuSlmSvr,3,frame` (continuation).
    private mutating func readCuSlmSvr(_ rest: Substring) {
        layout = .cuslmsvr
        let parts = rest.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return }
        let comp = parts[3].trimmingCharacters(in: .whitespaces)
        if !comp.isEmpty { component = comp }
        let tail = parts[5]
        guard tail.count >= 10 else { return }
        let date = tail.prefix(10)
        let dmy = date.split(separator: "-", omittingEmptySubsequences: false)
        guard dmy.count == 3, dmy[0].count == 2, dmy[1].count == 2, dmy[2].count == 4, let d = Int(dmy[0]),
            let m = Int(dmy[1]), let y = Int(dmy[2]), var s = stamp
        else { return }
        s.year = y
        s.month = m
        s.day = d
        s.raw += " " + date
        stamp = s
        readLevelAndThread(tail.dropFirst(10))
    }

    /// A level word and a `[thread]` among the next few tokens.
    private mutating func readLevelAndThread(_ rest: Substring) {
        let u = rest.utf8
        var i = u.startIndex
        for _ in 0..<4 {
            while i < u.endIndex, u[i] == 0x20 || u[i] == 0x09 { i = u.index(after: i) }
            guard i < u.endIndex else { return }
            if u[i] == 0x5B {  // [
                let open = u.index(after: i)
                guard let close = u[open...].prefix(120).firstIndex(of: 0x5D) else { return }
                let inner = rest[open..<close]
                if let l = Self.level(inner) { level = l } else if thread == nil, open < close { thread = String(inner) }
                i = u.index(after: close)
                continue
            }
            var end = i
            while end < u.endIndex, u[end] != 0x20, u[end] != 0x09 { end = u.index(after: end) }
            guard level == nil, let l = Self.level(rest[i..<end]) else { return }
            level = l
            i = end
        }
    }

    /// The level a word names (`ERROR`), nil for any other word.
    static func level(_ word: Substring) -> String? {
        let n = word.utf8.count
        guard n >= 4, n <= 8, word.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        // The shared literal, not a new string per line.
        return levels.first { $0.utf8.count == n && $0.utf8.elementsEqual(word.utf8) }
    }

    /// `%SMART_LIC-3-COMM_FAILED`, `%LICENSE-SMART_LIC-3-COMM_FAILED`, `%UC_RTMT-2-RTMT_ALERT`.
    private mutating func readSyslogMnemonic(_ line: Substring) {
        var rest = line.headBytes(400)
        while let pct = rest.utf8.firstIndex(of: 0x25) {
            let token = rest[rest.index(after: pct)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            let parts = token.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count >= 3, let sev = parts[parts.count - 2].first, parts[parts.count - 2].count == 1,
                sev.isASCIIDigit, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { !$0.isLowercase } })
            {
                facility = parts[0..<(parts.count - 2)].joined(separator: "-")
                severity = String(sev)
                mnemonic = String(parts[parts.count - 1])
                return
            }
            rest = rest[rest.index(after: pct)...]
        }
    }
}

extension StringProtocol where Self.SubSequence == Substring {
    /// The first `n` UTF-8 bytes (rounded down to a scalar boundary), without walking characters.
    func headBytes(_ n: Int) -> Substring {
        self[..<(utf8.index(startIndex, offsetBy: n, limitedBy: endIndex) ?? endIndex)]
    }
}
