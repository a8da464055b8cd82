import Foundation
import LicensingModel
import Testing
@testable import Reports
@testable import Rules

@Suite("text and Markdown reports")
struct TextAndMarkdownTests {
    @Test("the text report reads verdict, findings, timeline, inventory, assumptions — in that order")
    func order() throws {
        let text = AnalysisTextRenderer.render(SampleReport.make(), color: false)
        let heads = ["VERDICT", "FINDINGS", "NOT EVALUATED", "STATE TIMELINE", "INVENTORY", "ASSUMPTIONS"]
        let positions = try heads.map { try #require(text.range(of: "\n" + $0)).lowerBound }
        #expect(positions == positions.sorted())
        // Most severe finding first, with its reproduction hint.
        #expect(try #require(text.range(of: "[CRITICAL]")).lowerBound < (try #require(text.range(of: "[HIGH]")).lowerBound))
        #expect(text.contains("$ unzip -p 'bundle.zip' 'capture/packets.pcap' | tshark -r - -Y \"frame.number == 7\""))
        #expect(text.contains("partly unreadable"))
        #expect(text.contains("reason: binary data, not a known evidence format"))
    }

    @Test("color only when asked: severities and headings carry ANSI codes, the plain text has none")
    func color() {
        let plain = AnalysisTextRenderer.render(SampleReport.make(), color: false)
        let colored = AnalysisTextRenderer.render(SampleReport.make(), color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}[1;35m[CRITICAL]\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;31m[HIGH]\u{1B}[0m"))
        // Stripping the escapes gives back the plain text.
        let stripped = colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
    }

    @Test("escape sequences and carriage returns in evidence cannot drive the terminal")
    func terminalControl() {
        var r = SampleReport.make()
        r.findings[0].evidence[0] = FindingEvidence(
            label: "x", source: .line("a.log", 1), time: nil, excerpt: "ok\u{1B}]0;pwned\u{07}\r\u{1B}[2Jgone\u{9B}31m")
        r.inventory[0].path = "evil\u{1B}[31m.log"
        let text = AnalysisTextRenderer.render(r, color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("\r"))
        #expect(!text.contains("\u{9B}"))
        #expect(text.contains("ok\\u{1B}]0;pwned\\u{7}\\u{D}\\u{1B}[2Jgone\\u{9B}31m"), "escaped visibly, as events and packets do")
    }

    @Test("secrets in excerpts are masked in every format")
    func secrets() throws {
        let r = SampleReport.make()
        let outputs = [
            AnalysisTextRenderer.render(r, color: false), AnalysisMarkdownRenderer.render(r), AnalysisHTMLRenderer.render(r),
            try AnalysisJSONRenderer.render(r),
        ]
        for out in outputs {
            #expect(!out.contains("NmE4YzQ3ZDktZjAx"))
            #expect(out.contains("idtoken <redacted>") || out.contains("idtoken &lt;redacted&gt;"))
        }
    }

    @Test("Markdown: an excerpt with a fence cannot close its block; pipes in a path stay in their cell")
    func markdownSafety() {
        var r = SampleReport.make()
        r.findings[0].evidence[0] = FindingEvidence(
            label: "x", source: .line("a|b.log", 1), time: nil, excerpt: "before\n```\n# injected heading\n````")
        r.inventory[0].path = "dir|with|pipes/slm.log"
        let md = AnalysisMarkdownRenderer.render(r)
        #expect(md.contains("  `````text\n  before\n  ```\n  # injected heading\n  ````\n  `````\n"))
        #expect(md.contains("`dir\\|with\\|pipes/slm.log`"))
        let inventoryRow = md.split(separator: "\n").first { $0.contains("pipes/slm.log") }
        // 6 columns → 7 unescaped pipes.
        let unescaped = inventoryRow.map { row in
            zip(row, row.dropFirst()).filter { $0.1 == "|" && $0.0 != "\\" }.count + (row.first == "|" ? 1 : 0)
        }
        #expect(unescaped == 7)
    }

    @Test("Markdown: findings table then one section per finding, fenced excerpts and sh hints")
    func markdownShape() {
        let md = AnalysisMarkdownRenderer.render(SampleReport.make())
        #expect(md.contains("| # | Severity | Rule | Title | Confidence | Evidence |"))
        #expect(md.contains("| 1 | **CRITICAL** | `no-provisioning` rev 2 |"))
        #expect(md.contains("### 2. HIGH — `CSCvc94366` rev 1: Smart License registration does not accept proxy port 443"))
        #expect(md.contains("  ```sh\n  unzip -p 'bundle.zip' 'capture/packets.pcap' | tshark -r - -Y \"frame.number == 7\"\n  ```\n"))
        #expect(md.contains("| **partly unreadable** | `bundle.zip!capture/packets.pcap` |"))
    }

    @Test("relative times are measured from the last evidence")
    func relative() {
        let end = SampleReport.collected
        #expect(AnalysisFormatting.relative(end + 86_400 * 3 + 3_600, to: end) == "3d 01h after the last evidence")
        #expect(AnalysisFormatting.relative(end - 90, to: end) == "1m 30s before the last evidence")
        #expect(AnalysisFormatting.relative(end, to: nil) == nil)
    }
}
