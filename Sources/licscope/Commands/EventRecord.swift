import Foundation
import LicensingModel

/// One event of `licscope events` as a JSON line or a text line, written straight into the output buffer (no
/// intermediate objects per event). The JSON has sorted keys, nil members left out, and `/` unescaped:
/// `{"excerpt":…,"fields":{…},"kind":…,"source":"slm.log:12","time":…,"time_assumptions":[…],"time_raw":…}`.
enum EventRecord {
    /// Appends `e` as one JSON line.
    static func jsonl(_ e: Event, to out: inout OutputBuffer) {
        out.append(byte: 0x7B)
        var first = true
        func key(_ k: String, _ out: inout OutputBuffer) {
            if !first { out.append(byte: 0x2C) }
            first = false
            out.append(jsonString: k)
            out.append(byte: 0x3A)
        }
        if let excerpt = e.excerpt {
            key("excerpt", &out)
            out.append(jsonString: excerpt)
        }
        key("fields", &out)
        out.append(byte: 0x7B)
        for (i, k) in e.fields.keys.sorted().enumerated() {
            if i > 0 { out.append(byte: 0x2C) }
            out.append(jsonString: k)
            out.append(byte: 0x3A)
            value(e.fields[k]!, to: &out)
        }
        out.append(byte: 0x7D)
        key("kind", &out)
        out.append(jsonString: e.kind.rawValue)
        key("source", &out)
        out.append(jsonString: e.source.description)
        if let t = e.time {
            key("time", &out)
            out.append(jsonString: t.instant.iso8601UTC)
            if !t.assumptions.isEmpty {
                key("time_assumptions", &out)
                out.append(byte: 0x5B)
                for (i, a) in t.assumptions.enumerated() {
                    if i > 0 { out.append(byte: 0x2C) }
                    out.append(jsonString: a)
                }
                out.append(byte: 0x5D)
            }
            key("time_raw", &out)
            out.append(jsonString: t.raw)
        }
        out.append(byte: 0x7D)
        out.append(byte: 0x0A)
        out.flushIfFull()
    }

    private static func value(_ v: FieldValue, to out: inout OutputBuffer) {
        switch v {
        case .string(let s): out.append(jsonString: s)
        case .int(let i): out.append(int: i)
        case .bool(let b): out.append(b ? "true" : "false")
        case .time(let t): out.append(jsonString: t.iso8601UTC)
        case .double:
            // Rare; JSONEncoder's number form (`1e+20`, `-0`) is kept by asking it.
            let encoder = JSONEncoder()
            out.append(String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self))
        case .list(let items):
            out.append(byte: 0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: 0x2C) }
                value(item, to: &out)
            }
            out.append(byte: 0x5D)
        }
    }

    /// `2018-01-26T09:41:23Z  communication.failed  reason="…" url=…  slm.log:12` (`~` marks an assumed time).
    static func text(_ e: Event) -> String {
        let time = e.time.map { $0.instant.iso8601UTC + ($0.assumptions.isEmpty ? " " : "~") } ?? "-".padding(
            toLength: 21, withPad: " ", startingAt: 0)
        let fields = e.fields.keys.sorted().compactMap { k -> String? in
            guard let v = e.fields[k]?.text else { return nil }
            return v.contains(" ") || v.isEmpty ? "\(k)=\"\(v)\"" : "\(k)=\(v)"
        }
        return "\(time) \(e.kind.rawValue)  \(fields.joined(separator: " "))  \(e.source)"
    }
}
