import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// The compiled subset construct by construct, against ICU, and what falls back.
@Suite struct CompiledPatternTests {
    /// Pattern → lines; each is compared with `NSRegularExpression`.
    static let cases: [(String, [String])] = [
        (#"a(?<x>b+)c"#, ["abbc", "ac", "xxabcabbbc", "abbd"]),
        (#"(?<x>\S+?)\s*(?:\((?<y>\d+)\))?$"#, ["host (12)", "host", "a b c (7) ", "(x)", "h (12"]),
        (#"(?<x>foo|foobar|fo)(?<y>bar)?"#, ["foobar", "fobar", "fooba", "f"]),
        (#"(?<x>.*?)(?<y>\d{1,3})(?<z>.*)"#, ["abc12345def", "x9", "none"]),
        (#"(?<x>\d{2,})-(?<y>\d{0,2}?)-"#, ["1-2-", "12--", "123-45-", "12-345-"]),
        (#"\b(?<x>\w+)\b\s+\B"#, ["hello  world", "a_b9 ", "!!", "x  "]),
        (#"(?<x>(?:[a-z]+\.)++[A-Z]\w*)"#, ["java.net.SocketException", "a.b.", "x.Y", "..Z"]),
        (#"(?<x>[a-z]*+)a"#, ["aaa", "bbb"]),
        (#"^\s*(?<s>[A-Za-z][^\[\]]*?)\s*\[(?<t>(?!OK\])[^\]]+)\]"#, ["  Svc A [OK]", "Svc A [DOWN]", "[X]", "S [OK] [X]"]),
        (#"(?=a(?<x>b))ab"#, ["ab", "ac"]),
        (#"[^)]*?\)|[A-Z_-]+|[\w.$]+"#, ["x)", "A-B_C", "a$b.c", "()"]),
        (#"(?:(?<a>x)|y)+"#, ["xy", "yx", "yy"]),
        (#"(?<x>a|)b"#, ["b", "ab"]),
        (#"a{3}|\.\*\(\)\[\]\{\}\\\/"#, ["aaa", "aa", #".*()[]{}\/"#]),
        (#"(?<x>[-a]+)[a-]"#, ["-a-a", "aa"]),
        (#"x\t(?<y>[\t ]+)z"#, ["x\t \tz", "x\tz"]),
    ]

    @Test func constructsGiveICUsCaptures() throws {
        for (source, lines) in Self.cases {
            let p = try CatalogPattern(source)
            #expect(p.fallbackReason == nil, "\(source): \(p.fallbackReason ?? "")")
            for line in lines {
                #expect(p.captures(in: line) == p.regexCaptures(in: line), "\(source) on \(line)")
                #expect(CompiledPatternIdentityTests.decidedWithoutICU(p, line), "\(source) on \(line)")
            }
        }
    }

    @Test func constructsOutsideTheSubsetFallBackToICU() throws {
        for source in [#"(?i)abc"#, #"\p{L}+"#, #"(?<=a)b"#, #"(?<x>a)\k<x>"#, #"a\x41"#, #"[[a-z]&&[^c]]"#, "é+", #"(a*)*"#, #"\Qa.b\E"#] {
            let p = try CatalogPattern(source)
            #expect(p.fallbackReason != nil, "\(source) compiled")
            #expect(p.captures(in: "xaAbcaab") == p.regexCaptures(in: "xaAbcaab"))
        }
    }

    @Test func linesOutsidePlainASCIIGoToICU() throws {
        let p = try CatalogPattern(#"to:\s*(?<url>\S+)"#)
        for line in ["to:\u{00A0}https://h/x", "to: https://hé/x", "to: x\r", "to: a\u{0001}b"] {
            #expect(!CompiledPatternIdentityTests.decidedWithoutICU(p, line))
            #expect(p.captures(in: line) == p.regexCaptures(in: line))
        }
        #expect(p.captures(in: "to:\u{00A0}https://h/x") == ["url": "https://h/x"])
    }

    @Test func runawayBacktrackingGivesUpToICU() throws {
        let source = #"(?:a|aa)+c"#
        let c = try CompiledPattern(source)
        var line = String(repeating: "a", count: 28)
        #expect(line.withUTF8 { c.firstMatch(in: $0) } == .undecided)
        let p = try CatalogPattern(source)
        #expect(p.captures(in: line) == nil)
    }
}

/// The lint's list of patterns that run through ICU only.
@Suite struct RegexFallbackNoteTests {
    @Test func fallbacksAreListedWithEntryAndReason() throws {
        let entry = MessageEntry(
            id: "x.case-insensitive", kind: "agent.ready", anchors: ["AGENT_READY"],
            pattern: try CatalogPattern("(?i)agent_ready"), unless: try CatalogPattern("AGENT_READY-no"), origin: "x.yaml:2:5")
        let notes = MessageCatalog(entries: [entry]).regexFallbacks()
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("x.yaml:2:5: x.case-insensitive: pattern runs through ICU only (group flags") == true)
        #expect(TestSupport.catalog.regexFallbacks() == [])
    }
}

/// Patterns the byte matcher takes are compiled by ICU on first use only; what ICU refuses is still refused at load.
@Suite struct LazyRegexTests {
    @Test func invalidPatternsAreStillRefusedAtLoad() {
        #expect(throws: (any Error).self) { try CatalogPattern("(?<a>x)(?<a>y)") }
        #expect(throws: (any Error).self) { try CatalogPattern("abc((") }
        #expect(throws: (any Error).self) { try CatalogPattern("a{2,1}") }
    }

    @Test func lazilyCompiledRegexAnswersNonASCIILines() throws {
        let p = try CatalogPattern(#"to:\s*(?<url>\S+)"#)
        #expect(p.fallbackReason == nil)
        #expect(p.captures(in: "to: https://hé/x") == ["url": "https://hé/x"])
        #expect(p.regexCaptures(in: "to: https://h/x") == ["url": "https://h/x"])
    }
}
