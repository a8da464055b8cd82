import Foundation
import TestSupport
@testable import TextIngest

/// Lines to compare the compiled catalog patterns with ICU on: every line of the repository's samples and test
/// fixtures that holds an anchor of the catalog, the catalog's examples and near misses, and deterministic
/// mutations of them (cut short, doubled spaces, tabs, non-ASCII, ids and numbers of other lengths, `$` in names).
enum PatternCorpus {
    /// The repository root (this file is `Tests/TextIngestTests/PatternCorpus.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Text lines of every readable text file under `samples/` and `Tests/`, holding at least one anchor.
    static func candidateLines(anchors: [String]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for dir in ["samples", "Tests"] {
            guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(dir).path) else { continue }
            for case let rel as String in walker {
                let path = root.appendingPathComponent(dir).appendingPathComponent(rel).path
                guard let data = FileManager.default.contents(atPath: path), data.count < 8 << 20,
                    !data.contains(0), let text = String(data: data, encoding: .utf8)
                else { continue }
                for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                    let s = String(line)
                    if anchors.contains(where: { s.contains($0) }), seen.insert(s).inserted { out.append(s) }
                }
            }
        }
        return out
    }

    /// Variants of `line`; the same line always gives the same variants.
    static func mutations(of line: String, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        let chars = Array(line)
        var out: [String] = []
        // Cut short at a few places, including just before and after the last `:` and `)`.
        var cuts = [chars.count / 2, chars.count * 3 / 4, chars.count - 1, chars.count - 2]
        if let c = chars.lastIndex(of: ":") { cuts += [c, c + 1] }
        if let c = chars.lastIndex(of: ")") { cuts += [c, c + 1] }
        for _ in 0..<3 where !chars.isEmpty { cuts.append(Int.random(in: 0..<chars.count, using: &rng)) }
        for c in Set(cuts) where c > 0 && c < chars.count { out.append(String(chars[..<c])) }
        out.append(line.replacingOccurrences(of: " ", with: "  "))
        out.append(line.replacingOccurrences(of: " ", with: "\t"))
        out.append(line.replacingOccurrences(of: ": ", with: ":"))
        out.append(line.replacingOccurrences(of: " :", with: ":"))
        out.append(line + " ")
        out.append("  " + line)
        out.append(line + line)
        // Non-ASCII: inside, around the captures, and a non-breaking space (ICU's \s matches it).
        if !chars.isEmpty {
            let at = Int.random(in: 0..<chars.count, using: &rng)
            out.append(String(chars[..<at]) + "é" + String(chars[at...]))
            out.append(String(chars[..<at]) + "\u{00A0}" + String(chars[at...]))
        }
        out.append(line.replacingOccurrences(of: " ", with: "\u{00A0}"))
        out.append(line + " \u{2028}")
        out.append(line + "\r")
        // Digits and ids of other lengths: every run of digits or hex lengthened or shortened.
        out.append(resizeRuns(of: line, longer: true, rng: &rng))
        out.append(resizeRuns(of: line, longer: false, rng: &rng))
        // Java names with `$` (inner classes) and `_`.
        out.append(line.replacingOccurrences(of: "Exception", with: "$Inner$Exception"))
        out.append(line.replacingOccurrences(of: ".", with: "._"))
        return out.filter { $0 != line }
    }

    /// `line` with each run of digits (or hex letters next to digits) made longer or shorter.
    private static func resizeRuns(of line: String, longer: Bool, rng: inout SplitMix) -> String {
        var out = ""
        var run = ""
        func flush(_ rng: inout SplitMix) {
            guard !run.isEmpty else { return }
            if longer {
                out += run + String(repeating: "7", count: Int.random(in: 1...9, using: &rng))
            } else {
                out += String(run.prefix(Swift.max(1, run.count / 2)))
            }
            run = ""
        }
        for c in line {
            if c.isASCII, c.isHexDigit { run.append(c) } else {
                flush(&rng)
                out.append(c)
            }
        }
        flush(&rng)
        return out
    }
}
