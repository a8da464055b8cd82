import LicensingModel

/// The `--dns-server` answer set against the system resolver's for the same name. Two resolvers that share no
/// address, or where one finds the name and the other does not, disagree (split-horizon DNS, or the product's
/// configured DNS differing from this host's); that is recorded on both answers' events and raises
/// `dns-resolvers-disagree`.
struct ResolverComparison {
    /// The server's addresses (empty for NXDOMAIN and NODATA: it found nothing), or nil when it gave no answer to
    /// compare (a timeout, SERVFAIL, REFUSED …).
    var serverAnswers: [String]?
    /// What the system resolver said.
    var system: SystemResolver.Outcome

    /// The system resolver's IPv4 addresses when the server was asked for A records (as it is), else all.
    var systemAddresses: [String]? {
        guard case .addresses(let list) = system else { return nil }
        let v4 = list.filter { !$0.contains(":") }
        return (serverAnswers ?? []).allSatisfy { !$0.contains(":") } ? v4 : list
    }

    /// true when both name the same host (a shared address, or both find nothing); false when one finds the name
    /// and the other does not, or their addresses are disjoint; nil when either gave no answer to compare (the
    /// server timed out, was unreachable or failed; the system resolver did not answer in time).
    var agrees: Bool? {
        switch (serverAnswers, system) {
        case (nil, _), (_, .timeout), (_, .backlog): return nil
        case (let s?, .failed): return s.isEmpty
        case (let s?, .addresses):
            let mine = Set(systemAddresses ?? [])
            return !mine.isDisjoint(with: s) || (mine.isEmpty && s.isEmpty)
        }
    }

    /// What the system resolver said, for the other side's event (`127.0.0.1`, `NXDOMAIN`).
    var systemAnswerList: [FieldValue] {
        switch system {
        case .addresses(let l): return l.map { .string($0) }
        case .failed(_, let noName): return [noName ? "NXDOMAIN" : "error"]
        case .timeout, .backlog: return ["timeout"]
        }
    }

    /// `system resolver: localhost → 127.0.0.1`, `system resolver: NXDOMAIN (Name or service not known)`.
    func systemText(_ name: String, budget: String) -> String {
        switch system {
        case .addresses(let l): return "system resolver: \(name) → \(l.joined(separator: ", "))"
        case .failed(let text, _): return "system resolver: \(name) not resolved (\(text))"
        case .timeout: return "system resolver: no answer for \(name) within \(budget)"
        case .backlog(let earlier): return "system resolver: not asked for \(name) (\(Self.backlogText(earlier)))"
        }
    }

    /// Why a lookup was not started: `4 earlier lookups have not returned; the resolver is not answering`.
    static func backlogText(_ earlier: Int) -> String {
        "\(earlier) earlier lookup\(earlier == 1 ? " has" : "s have") not returned; the resolver is not answering"
    }

    /// The comparison fields on an event of one side, naming the other.
    static func fields(other server: String, answers: [FieldValue], agrees: Bool?) -> [String: FieldValue] {
        var f: [String: FieldValue] = ["other_server": .string(server), "other_answers": .list(answers)]
        if let agrees { f["resolvers_agree"] = .bool(agrees) }
        return f
    }
}
