import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing

/// The verdict line names the rule once, and every reproduction hint finds its evidence in the file it names.
@Suite("verdict wording and reproduction hints")
struct VerdictWordingTests {
    @Test("the CSCvc94366 verdict names its id once")
    func idOnce() throws {
        let o = AnalysisRun.run(paths: [AnalysisFixtures.sample], options: try AnalysisFixtures.options(), toolVersion: "test")
        let summary = o.report.verdict.summary
        #expect(summary.hasPrefix("HIGH (CSCvc94366): The product is configured to use an HTTP proxy on port 443"))
        #expect(summary.components(separatedBy: "CSCvc94366").count == 2, "\(summary)")
    }

    /// Every `grep -nF -- 'NEEDLE' 'FILE'` hint of a plain file: NEEDLE is on the line the item points at.
    @Test("state items' hints grep what the file holds, not the sentence the report builds",
        arguments: ["auth-expired-no-provisioning-denver/bundle", "eval-expired-seoul/bundle", "proxy-443-bundle"])
    func hintsGrepTheFile(_ sample: String) throws {
        let path = AnalysisFixtures.packageRoot.appendingPathComponent("samples/\(sample)").path
        let o = AnalysisRun.run(paths: [path], options: try AnalysisFixtures.options(), toolVersion: "test")
        var stateItems = 0
        let hints = ReproductionHint(inventory: o.report.inventory)
        for item in o.report.findings.flatMap(\.evidence) {
            guard let source = item.source, !source.path.contains("!"), !source.path.hasSuffix(".gz"), let hint = hints.command(for: item),
                case .line(let n) = source.location
            else { continue }
            if item.label.contains(": ") { stateItems += 1 }
            guard hint.hasPrefix("grep -nF -- '") else {
                #expect(hint == "sed -n '\(n)p' '\(source.path)'", "\(hint)")
                continue
            }
            let needle = String(hint.dropFirst("grep -nF -- '".count).prefix { $0 != "'" })
            let lines = try String(contentsOfFile: source.path, encoding: .utf8).components(separatedBy: "\n")
            #expect(lines.count >= n && lines[n - 1].contains(needle), "\(item.label): \(hint) is not on line \(n)")
        }
        if sample.hasPrefix("auth-expired") { #expect(stateItems > 0, "the sample's state findings are checked") }
    }
}
