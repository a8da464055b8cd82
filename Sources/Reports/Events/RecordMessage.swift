import LicensingModel

/// The message of an event record written straight from the event's excerpt, for the usual record: an event whose
/// excerpt is one line of text (a log line, a capture's ladder text). The bytes are those of
/// ``TimelineJSONLRenderer/message(_:)`` (`kind: <first line of the excerpt, trimmed>`) as a JSON string; any other
/// event is left to that function.
enum RecordMessage {
    /// Appends the message of `event` as a JSON string when it can be written from the excerpt without building it:
    /// a kind that takes its message from the excerpt, an excerpt without line breaks (so its first line is all of
    /// it) whose ends are plain ASCII once spaces and tabs are trimmed, a message of at most 1,000 bytes (not cut).
    /// Otherwise writes nothing and returns false.
    static func appendFromExcerpt(of event: Event, to bytes: inout [UInt8]) -> Bool {
        guard event.kind != .stateTransition, event.kind != .engineAnomaly, var excerpt = event.excerpt,
            !excerpt.isEmpty
        else { return false }
        var kind = event.kind.rawValue
        return excerpt.withUTF8 { u -> Bool in
            guard let line = trimmedSingleLine(u), kind.utf8.count + 2 + line.count <= 1_000 else { return false }
            bytes.append(0x22)
            kind.withUTF8 { JSONText.appendEscaped($0, to: &bytes) }
            bytes.append(0x3A)  // ": "
            bytes.append(0x20)
            JSONText.appendEscaped(UnsafeBufferPointer(rebasing: u[line]), to: &bytes)
            bytes.append(0x22)
            return true
        }
    }

    /// The bytes of `u` without leading and trailing spaces and tabs (the ASCII members of
    /// `CharacterSet.whitespaces`), or nil when `u` holds a line break (LF, VT, FF, CR, and the non-ASCII ones
    /// `Character.isNewline` knows: NEL U+0085, LS U+2028, PS U+2029) or when what is left starts or ends with a
    /// byte that is not ASCII (it could be another whitespace scalar, which the message trims).
    static func trimmedSingleLine(_ u: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let base = u.baseAddress else { return 0..<0 }
        var i = 0
        var ascii = true
        while i + 8 <= u.count {
            let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if wordMayBreak(w) {
                if hasASCIIBreak(w) { return nil }
                ascii = false
            }
            i += 8
        }
        while i < u.count {
            if u[i] >= 0x0A && u[i] <= 0x0D { return nil }
            if u[i] >= 0x80 { ascii = false }
            i += 1
        }
        if !ascii, hasUnicodeBreak(u) { return nil }
        var start = 0
        var end = u.count
        while start < end, u[start] == 0x20 || u[start] == 0x09 { start += 1 }
        while end > start, u[end - 1] == 0x20 || u[end - 1] == 0x09 { end -= 1 }
        if start < end, u[start] >= 0x80 || u[end - 1] >= 0x80 { return nil }
        return start..<end
    }

    /// Whether `u` (valid UTF-8) holds NEL (`C2 85`), LS (`E2 80 A8`) or PS (`E2 80 A9`).
    static func hasUnicodeBreak(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 1 < u.count {
            if u[i] == 0xC2, u[i + 1] == 0x85 { return true }
            if u[i] == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 { return true }
            i += 1
        }
        return false
    }

    /// Whether one of the eight bytes in `w` is LF, VT, FF or CR (exact; a byte above 0x7F never counts).
    @inline(__always)
    static func hasASCIIBreak(_ w: UInt64) -> Bool {
        ByteLanes.between(w, 0x09, 0x0E) != 0
    }

    /// Whether one of the eight bytes in `w` is not ASCII or is LF, VT, FF or CR (exact).
    @inline(__always)
    static func wordMayBreak(_ w: UInt64) -> Bool {
        (ByteLanes.between(w, 0x09, 0x0E) | ByteLanes.high(w)) != 0
    }
}
