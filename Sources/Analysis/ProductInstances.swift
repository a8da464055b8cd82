import Foundation
import LicensingModel

/// The product instances (UDIs) the evidence describes. Several bundles given together are merged into one
/// timeline; when they come from different systems the report must say so instead of mixing two customers' states.
public enum ProductInstances {
    /// Distinct UDIs in order of first appearance, compared by serial number (`SN:`) when one is printed, so the
    /// same system printed with and without its UUID counts once.
    public static func distinct(in events: [Event]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in events {
            let candidates = [e.snapshot?.udi, e.fields["udi"]?.text].compactMap { $0 }
            for raw in candidates {
                let udi = raw.trimmingCharacters(in: .whitespaces)
                guard !udi.isEmpty, seen.insert(identity(udi)).inserted else { continue }
                out.append(udi)
            }
        }
        return out
    }

    /// `SN:37624` from `PID:UCM,SN:37624,UUID:…`; the whole UDI when no serial is printed.
    static func identity(_ udi: String) -> String {
        for part in udi.split(separator: ",") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.uppercased().hasPrefix("SN:") { return "SN:" + p.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        }
        return udi
    }
}
