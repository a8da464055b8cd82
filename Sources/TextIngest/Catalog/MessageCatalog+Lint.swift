import LicensingModel

extension MessageCatalog {
    /// Checks the catalog: unique ids, kinds and field names against ``EventVocabulary``, anchors usable by the
    /// prefilter, every example matched with its expected fields (and by no earlier entry of its group), every
    /// near miss rejected.
    /// - Returns: one `origin: id: problem` line per problem; empty when the catalog is clean.
    public func lint() -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        for (index, e) in entries.enumerated() {
            func report(_ p: String) { problems.append("\(e.origin): \(e.id): \(p)") }
            if let other = seen[e.id] { report("duplicate id (also at \(other))") }
            seen[e.id] = e.origin
            guard e.kind.isKnown else {
                report("unknown event kind `\(e.kind)`")
                continue
            }
            let produced = Set(e.fields.keys).union(e.pattern?.captureNames ?? []).union(e.integers)
            for f in produced.sorted() where !EventVocabulary.allows(f, on: e.kind) {
                report("field `\(f)` is not allowed on `\(e.kind)`")
            }
            // A constant value of a closed field must be one of its declared values.
            for (f, v) in e.fields.sorted(by: { $0.key < $1.key }) {
                if let allowed = EventVocabulary.field(f, on: e.kind)?.values, !allowed.contains(v.text) {
                    report("`\(f): \(v.text)` is not a value of `\(f)` on `\(e.kind)` (expected one of: \(allowed.joined(separator: ", ")))")
                }
            }
            for i in e.integers where !(e.pattern?.captureNames.contains(i) ?? false) {
                report("`integers` names `\(i)`, which the pattern does not capture")
            }
            for a in e.anchors {
                if a.utf8.count < 6 { report("anchor `\(a)` is shorter than 6 bytes (short anchors slow the prefilter on every line)") }
                if a.contains("\n") || a.contains("\r") { report("anchor `\(a)` contains a line break") }
            }
            if e.examples.isEmpty { report("no example line") }
            for ex in e.examples { lintExample(ex, entry: e, index: index, report: report) }
            for near in e.nearMisses where firstFiring(on: near, group: e.group, upTo: index) == index {
                report("near miss matches: \(near)")
            }
        }
        return problems
    }

    /// The patterns outside the byte matcher's subset, which run through `NSRegularExpression` on every line (not
    /// problems: notes for whoever wants the scan fast).
    /// - Returns: one `origin: id: pattern|unless runs through ICU only (reason)` line per such pattern.
    public func regexFallbacks() -> [String] {
        entries.flatMap { e in
            [("pattern", e.pattern), ("unless", e.unless)].compactMap { key, p -> String? in
                guard let p, let reason = p.fallbackReason else { return nil }
                return "\(e.origin): \(e.id): \(key) runs through ICU only (\(reason))"
            }
        }
    }

    private func lintExample(
        _ ex: MessageEntry.Example, entry e: MessageEntry, index: Int, report: (String) -> Void
    ) {
        guard var fields = e.fields(for: ex.line) else {
            report("example does not match: \(ex.line)")
            return
        }
        let header = LineHeader(parsing: ex.line[...])
        LineMatcher.addCommonFields(of: header, thread: header.thread, to: &fields)
        if let g = e.group, let winner = firstFiring(on: ex.line, group: g, upTo: index), winner != index {
            report("example is taken by `\(entries[winner].id)` earlier in group `\(g)`: \(ex.line)")
        }
        for (k, v) in ex.expect.sorted(by: { $0.key < $1.key }) where fields[k]?.text != v {
            report("example field `\(k)` is `\(fields[k]?.text ?? "absent")`, expected `\(v)`: \(ex.line)")
        }
    }

    /// The first entry up to `upTo` that fires on `line`: within `group` when given, else `upTo` itself if it fires.
    private func firstFiring(on line: String, group: String?, upTo: Int) -> Int? {
        guard let group else { return entries[upTo].fields(for: line) != nil ? upTo : nil }
        for i in 0...upTo where entries[i].group == group && entries[i].fields(for: line) != nil { return i }
        return nil
    }
}
