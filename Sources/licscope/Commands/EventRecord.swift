import Foundation
import LicensingModel

/// One event of `licscope events` as a text line; its JSON line is the shared record (``EventRecordEncoder``).
enum EventRecord {
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
