import Foundation
import LicensingModel

extension ShowLicenseReader {
    /// Lines of the usage section that are not `key: value`: table rows and block heads.
    mutating func readFreeLine(_ line: Substring, lineNumber: Int) {
        guard section == .usage else { return }
        if line.lowercased().hasPrefix("license ") && line.lowercased().contains("entitlement tag") { return }
        if let head = UsageRow.blockHead(line) {
            snapshot.usage.append(EntitlementUsage(tag: head.tag, displayName: head.displayName, count: nil, status: ""))
            openUsageBlock = snapshot.usage.count - 1
            snapshot.lines["usage[\(snapshot.usage.count - 1)]"] = lineNumber
            return
        }
        if let row = UsageRow.tableRow(line) {
            snapshot.usage.append(row)
            snapshot.lines["usage[\(snapshot.usage.count - 1)]"] = lineNumber
        }
    }

    /// `Description:` / `Count:` / `Version:` / `Status:` inside a usage block.
    mutating func readUsageField(key: String, value: String, line: String, lineNumber: Int) {
        guard let i = openUsageBlock, snapshot.usage.indices.contains(i) else {
            // A head with a colon inside (`(ASAv-STD-100M):`) was caught by readFreeLine; anything else is ignored.
            readFreeLine(line[...], lineNumber: lineNumber)
            return
        }
        switch key {
        case "description":
            if value != "null", !value.isEmpty, snapshot.usage[i].displayName == nil { snapshot.usage[i].displayName = value }
        case "count": snapshot.usage[i].count = Int(value)
        case "status":
            snapshot.usage[i].status = value
            snapshot.lines["usage[\(i)].status"] = lineNumber
        default: break
        }
    }
}
