import LicensingModel
import Reports

/// The engine's runway for `--status` outputs: what happens if no communication succeeds from then on.
enum PreflightRunway {
    static func lines(_ groups: [[Event]]) -> [String] {
        guard !groups.isEmpty else { return [] }
        let report = StatusReport.build(groups: groups)
        var out: [String] = []
        for snapshot in report.snapshots {
            for row in snapshot.runway {
                let local = row.at.local.map { " (\($0))" } ?? ""
                out.append("\(row.dimension) becomes \(row.to) on \(row.at.utc)\(local) unless this is fixed — \(row.cause)")
            }
        }
        return out
    }
}
