import Foundation
import LicensingModel

/// Reads `events.jsonl` fixtures: one event per line, either the full ``Event`` encoding (as the pipeline dumps it)
/// or the compact hand-written form
/// `{"kind": "…", "time": "2018-01-26T09:41:23Z", "source": "slm.log:12", "fields": {…}, "excerpt": "…"}`.
/// Blank lines and lines starting with `#` or `//` are skipped.
public enum FixtureEventDecoder {
    /// A line that does not decode.
    public struct DecodeError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    private struct CompactEvent: Decodable {
        var kind: String
        var time: String?
        var source: String
        var fields: [String: FieldValue]?
        var excerpt: String?
    }

    /// Decodes every event in `text`.
    /// - Throws: ``DecodeError`` naming the first bad line.
    public static func events(jsonl text: String, file: String) throws -> [Event] {
        var out: [Event] = []
        let full = JSONDecoder()
        full.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let seconds = try? c.decode(Double.self) { return Date(timeIntervalSinceReferenceDate: seconds) }
            let text = try c.decode(String.self)
            guard let date = iso8601(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO-8601 time: \(text)")
            }
            return date
        }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let data = Data(line.utf8)
            if let event = try? full.decode(Event.self, from: data) {
                out.append(event)
                continue
            }
            do {
                out.append(try event(from: JSONDecoder().decode(CompactEvent.self, from: data)))
            } catch let error as DecodeError {
                throw DecodeError(file: file, line: i + 1, message: error.message)
            } catch {
                throw DecodeError(file: file, line: i + 1, message: "not an event: \(error)")
            }
        }
        return out
    }

    private static func event(from compact: CompactEvent) throws -> Event {
        var time: EventTime?
        if let text = compact.time {
            guard let instant = iso8601(text) else { throw DecodeError(file: "", line: 0, message: "bad time '\(text)'") }
            time = EventTime(instant: instant, raw: text, utcOffsetSeconds: 0, zoneLabel: "UTC")
        }
        return Event(
            kind: EventKind(compact.kind), time: time, source: sourcePointer(compact.source),
            fields: compact.fields ?? [:], excerpt: compact.excerpt)
    }

    /// `path:12` (line), `path#7` (frame), `path@512` (offset), otherwise the whole file.
    public static func sourcePointer(_ text: String) -> SourcePointer {
        let forms: [(String, (Int) -> SourcePointer.Location)] = [(":", { .line($0) }), ("#", { .frame($0) }), ("@", { .offset($0) })]
        for (separator, make) in forms {
            if let r = text.range(of: separator, options: .backwards), let n = Int(text[r.upperBound...]), n >= 0 {
                return SourcePointer(path: String(text[..<r.lowerBound]), location: make(n))
            }
        }
        return SourcePointer(path: text, location: .file)
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` with fixed-offset arithmetic (no time-zone database).
    public static func iso8601(_ text: String) -> Date? {
        let s = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for b in s[from..<(from + count)] {
                guard (48...57).contains(b) else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard s.count >= 20, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"), s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ")
        else { return nil }
        var i = 19
        var nanos = 0
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < s.count, (48...57).contains(s[i]) {
                if digits < 9 { nanos = nanos * 10 + Int(s[i] - 48); digits += 1 }
                i += 1
            }
            for _ in digits..<9 { nanos *= 10 }
        }
        var offset = 0
        if i < s.count, s[i] == UInt8(ascii: "Z") {
            i += 1
        } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let h = number(i + 1, 2),
            let m = number(i + 4, 2)
        {
            offset = (h * 3600 + m * 60) * (s[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == s.count else { return nil }
        return LicensingCalendar.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanoseconds: nanos,
            offsetSeconds: offset)
    }
}
