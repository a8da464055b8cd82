import LicensingModel

/// Applies the catalog to one decoded candidate line: runs the entries whose anchors the line holds, in catalog
/// order (one winner per group), and builds redacted drafts with the header's common fields and a stamp — the
/// line's own, or for continuation lines the preceding timed line's.
struct LineMatcher: Sendable {
    /// The longest excerpt kept, in UTF-8 bytes.
    static let maxExcerpt = 2000

    let catalog: MessageCatalog
    /// Whether drafts carry the line's excerpt (``LineExcerpts`` re-reads it later when they do not).
    var keepLineText = true

    var prefilter: LiteralPrefilter { catalog.prefilter }

    struct Match: Sendable {
        var draft: EventDraft
        var evidence: EvidenceKind?
    }

    /// - Parameters:
    ///   - text: the decoded line (without its line break).
    ///   - anchors: prefilter anchor indices present in the line.
    ///   - header: the parsed line head.
    ///   - line: the 1-based line number.
    ///   - memo: results remembered for repeated messages.
    ///   - context: the preceding timed line, computed on demand.
    func match(
        _ text: String, anchors: [Int], header: LineHeader, line: Int, memo: inout CatalogMemo,
        context: () -> (header: LineHeader, line: Int)?
    ) -> [Match] {
        var claimed = Set<String>()
        var out: [Match] = []
        let secret = Redaction.mayContainSecret(text)
        let entries = catalog.entries
        let results = memo.fields(for: text, stampRaw: header.stamp?.raw, entries: catalog.candidates(forAnchors: anchors)) {
            t, indices in indices.map { ($0, entries[$0].fields(forCandidate: t)) }
        }
        for (index, found) in results {
            // The entry's parts read in place: binding the whole entry copied (retained) every one of its members.
            let group = entries[index].group
            if let g = group, claimed.contains(g) { continue }
            guard var fields = found else { continue }
            if let g = group { claimed.insert(g) }
            var stamp = header.stamp
            var stampLine = line
            var notes: [String] = []
            var thread = header.thread
            if (stamp == nil && entries[index].usesPrecedingContext) || (stamp.map { !$0.hasDate } ?? false),
                let ctx = context(), let ctxStamp = ctx.header.stamp
            {
                // The notes do not name the entry's line: a note per line would make every continuation line an
                // assumption of its own in the report, and keep its events from folding (``EventFolder``).
                if let own = stamp {
                    stamp = own.onDate(of: ctxStamp)
                    notes.append("date taken from the entry this continuation line belongs to (the nearest line above with a date)")
                } else {
                    stamp = ctxStamp
                    stampLine = ctx.line
                    notes.append("time taken from the entry this line belongs to (the nearest line above with a time)")
                }
                if thread == nil { thread = ctx.header.thread }
            }
            if let s = stamp, !s.hasDate { stamp = nil }
            // Every text of the draft comes from this line (screened once above), the entry's constants (screened
            // with the catalog) or, for a continuation line, the thread of the line it belongs to.
            let screened = !secret && catalog.constantsScreened[index]
                && (thread == header.thread || thread.map { !Redaction.mayContainSecret($0) } ?? true)
            Self.addCommonFields(of: header, thread: thread, to: &fields)
            if secret {
                // Fields lose any copy of a secret found in the line (the excerpt is redacted before it is cut).
                let secrets = Redaction.secrets(in: String(text.headBytes(Self.maxExcerpt + 4096)))
                for (k, v) in fields {
                    if case .string(let s) = v { fields[k] = .string(Redaction.redact(s, hiding: secrets)) }
                }
            }
            // Without fields the excerpt is what tells repeats apart (evidence grouping): always kept then.
            let excerpt = keepLineText || fields.isEmpty ? Self.excerpt(of: text, secret: secret) : nil
            let draft = EventDraft(
                kind: entries[index].kind, line: line, fields: fields, excerpt: excerpt, stamp: stamp,
                stampLine: stampLine, notes: notes, entryID: entries[index].id, point: nil, screened: screened)
            out.append(Match(draft: draft, evidence: entries[index].evidence))
        }
        return out
    }

    /// The excerpt of a decoded line: its first ``maxExcerpt`` bytes, redacted before they are cut when the line
    /// may hold a secret (`secret`, from ``Redaction/mayContainSecret(_:)``).
    static func excerpt(of text: String, secret: Bool) -> String {
        secret ? Redaction.excerpt(text[...], maxBytes: maxExcerpt) : String(text.headBytes(maxExcerpt))
    }

    /// Adds the header's level, thread, component and syslog facility/severity/mnemonic where the entry set none.
    static func addCommonFields(of header: LineHeader, thread: String?, to fields: inout [String: FieldValue]) {
        @inline(__always) func add(_ k: String, _ v: String?) {
            if let v, fields[k] == nil { fields[k] = .string(v) }
        }
        add("level", header.level)
        add("thread", thread)
        add("component", header.component)
        add("facility", header.facility)
        add("severity", header.severity)
        add("mnemonic", header.mnemonic)
    }
}
