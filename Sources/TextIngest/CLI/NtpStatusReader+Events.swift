import Foundation
import LicensingModel

extension NtpStatusReader {
    /// The events of every `utils ntp status` output in `text`: per output one `ntp.status` (the state line, or the
    /// output's first line when no state was printed) and one `ntp.peer` per table row. None is timed: the output
    /// prints no time of its own.
    /// - Returns: the events, and the lines that could not be read (`line 7: ntpq row not read`).
    public static func events(text: String, path: String) -> (events: [Event], problems: [Damage]) {
        let outputs = read(text)
        guard !outputs.isEmpty else { return ([], []) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func excerpt(_ n: Int) -> String? {
            guard n >= 1, n <= lines.count else { return nil }
            let l = lines[n - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            return l.isEmpty ? nil : String(l.prefix(300))
        }
        var out: [Event] = []
        for o in outputs {
            let at = o.stateLine ?? o.firstLine
            out.append(Event(kind: .ntpStatus, time: nil, source: .line(path, at), fields: statusFields(o), excerpt: excerpt(at)))
            for p in o.peers {
                out.append(Event(kind: .ntpPeer, time: nil, source: .line(path, p.line), fields: peerFields(p), excerpt: excerpt(p.line)))
            }
        }
        return (out, outputs.flatMap(\.problems).map { d in var d = d; d.file = path; return d })
    }

    /// The peer whose offset stands for the node's clock: the one ntpd uses (`*`), else the one furthest off among
    /// those it has heard from (reach not 0) — an unsynchronised daemon uses none.
    public static func offsetPeer(_ o: Output) -> Peer? {
        if let p = o.peers.first(where: \.selected), p.offsetMs != nil { return p }
        return o.peers.filter { $0.reach != "0" && $0.offsetMs != nil }.max { abs($0.offsetMs ?? 0) < abs($1.offsetMs ?? 0) }
    }

    static func statusFields(_ o: Output) -> [String: FieldValue] {
        var f: [String: FieldValue] = [
            "state": .string(o.synchronised.map { $0 ? "synchronised" : "unsynchronised" } ?? "unknown"),
            "restarting": .bool(o.restarting), "peers": .int(o.peers.count),
        ]
        if let s = o.synchronised { f["synchronised"] = .bool(s) }
        if let x = o.server { f["server"] = .string(x) }
        if let x = o.stratum { f["stratum"] = .int(x) }
        if let x = o.correctWithinMs { f["correct_within_ms"] = .int(x) }
        if let x = o.pollingSeconds { f["polling_seconds"] = .int(x) }
        if let x = o.ntpdPid { f["ntpd_pid"] = .int(x) }
        if let p = o.peers.first(where: \.selected) { f["selected_peer"] = .string(p.remote) }
        if let p = offsetPeer(o), let ms = p.offsetMs {
            f["offset_ms"] = .double(ms)
            f["offset_abs_ms"] = .double(abs(ms))
            f["offset_peer"] = .string(p.remote)
        }
        return f
    }

    static func peerFields(_ p: Peer) -> [String: FieldValue] {
        var f: [String: FieldValue] = [
            "remote": .string(p.remote), "refid": .string(p.refid), "type": .string(p.type), "when": .string(p.when),
            "reach": .string(p.reach), "selected": .bool(p.selected), "tally": .string(p.tally.map(String.init) ?? ""),
        ]
        if let x = p.stratum { f["stratum"] = .int(x) }
        if let x = p.poll { f["poll"] = .int(x) }
        if let x = p.delayMs { f["delay_ms"] = .double(x) }
        if let x = p.offsetMs { f["offset_ms"] = .double(x) }
        if let x = p.jitterMs { f["jitter_ms"] = .double(x) }
        return f
    }
}
