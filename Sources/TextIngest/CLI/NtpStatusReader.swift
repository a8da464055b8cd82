import Foundation
import LicensingModel

/// Reads CUCM's `utils ntp status` output: the ntpd line, the `ntpq -p` peer table and the ntpstat-style state
/// lines that follow it. Layouts, verbatim (see `Tests/TextIngestTests/Fixtures/ntp/README.md` for the sources):
///
/// ```
/// admin:utils ntp status
/// ntpd (pid 26049) is running...
///
/// remote refid st t when poll reach delay offset jitter
/// ==============================================================================
/// *172.18.108.15 .GPS. 1 u 538 1024 377 262.732 0.044 0.006
///
/// synchronised to NTP server (172.18.108.15) at stratum 2
/// time correct to within 22 ms
/// polling server every 1024 s
/// ```
/// and the `unsynchronised` / `time server re-starting` variant. The reader records what is printed — the state,
/// the peers with their offsets (milliseconds, as ntpq prints them), the stratum — and judges nothing.
///
/// Bounded and never trapping: lines over 300 characters are not read, at most 64 peers per output are kept, and
/// numbers that do not read as numbers leave their field out (the row is then reported as a problem).
public enum NtpStatusReader {
    /// One row of the `ntpq -p` table.
    public struct Peer: Hashable, Sendable {
        /// The tally code ntpq prints before the name (`*` the peer in use, `+` a candidate …), nil for none.
        public var tally: Character?
        public var remote: String
        public var refid: String
        public var stratum: Int?
        /// `u` unicast, `l` local, `m` multicast, `b` broadcast.
        public var type: String
        /// Seconds since the peer was last heard, as printed (`-` when never).
        public var when: String
        public var poll: Int?
        /// The reachability register, in octal as printed (`377`).
        public var reach: String
        public var delayMs: Double?
        public var offsetMs: Double?
        public var jitterMs: Double?
        /// The 1-based line of the row (the first line, when ntpq wrapped a long name).
        public var line: Int

        /// Whether ntpd uses this peer (`*`).
        public var selected: Bool { tally == "*" }
    }

    /// One `utils ntp status` output.
    public struct Output: Hashable, Sendable {
        /// The 1-based line the output starts at (its ntpd line, command echo or table header).
        public var firstLine: Int
        /// `ntpd (pid N) is running...`: the pid, when printed.
        public var ntpdPid: Int?
        /// The peer table's rows, in printed order.
        public var peers: [Peer] = []
        /// `synchronised …` (true) or `unsynchronised` (false); nil when no state line was printed.
        public var synchronised: Bool?
        /// The line of the state.
        public var stateLine: Int?
        /// `synchronised to NTP server (ADDR)`: ADDR.
        public var server: String?
        /// `at stratum N`.
        public var stratum: Int?
        /// `time correct to within N ms`.
        public var correctWithinMs: Int?
        /// `polling server every N s`.
        public var pollingSeconds: Int?
        /// `time server re-starting` was printed.
        public var restarting = false
        /// Lines inside the output that could not be read (`line 7: ntpq row not read`).
        public var problems: [Damage] = []
    }

    static let header = ["remote", "refid", "st", "t", "when", "poll", "reach", "delay", "offset", "jitter"]
    static let tallyCodes: Set<Character> = ["*", "+", "-", "#", "x", ".", "o", "~", "^", "="]
    static let maxPeers = 64

    /// Whether `text` (a prefix is enough) looks like it holds a `utils ntp status` output.
    public static func mentionsNtpStatus(_ text: some StringProtocol) -> Bool {
        text.range(of: "utils ntp status", options: .caseInsensitive) != nil
            || (text.range(of: "ntpd (pid") != nil && text.range(of: " is running") != nil)
            || text.range(of: "synchronised to NTP server") != nil
    }

    /// Every `utils ntp status` output in `text`, in order.
    public static func read(_ text: String) -> [Output] {
        var outputs: [Output] = []
        var current: Output?
        var inTable = false
        var wrapped: (name: String, line: Int)?
        func close() {
            if let c = current, c.ntpdPid != nil || !c.peers.isEmpty || c.synchronised != nil { outputs.append(c) }
            current = nil
            inTable = false
            wrapped = nil
        }
        func open(_ line: Int) {
            if current == nil { current = Output(firstLine: line) }
        }
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            guard raw.count <= 300 else { continue }
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let lower = line.lowercased()
            if lower.hasSuffix("utils ntp status") {
                // A command echo (`admin:utils ntp status`) starts the next output.
                close()
                open(n)
                continue
            }
            if lower.hasPrefix("ntpd (pid") {
                if current?.ntpdPid != nil || current?.synchronised != nil { close() }
                open(n)
                current?.ntpdPid = pid(line)
                continue
            }
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if tokens.map({ $0.lowercased() }) == header {
                if current?.synchronised != nil { close() }
                open(n)
                inTable = true
                continue
            }
            if inTable {
                if line.isEmpty || line.allSatisfy({ $0 == "=" }) { continue }
                if state(line) == nil {
                    if let peer = peerRow(tokens, wrapped: &wrapped, line: n) {
                        if (current?.peers.count ?? 0) < maxPeers { current?.peers.append(peer) }
                    } else if wrapped == nil {
                        current?.problems.append(Damage(field: "ntpq row not read", line: n))
                    }
                    continue
                }
                inTable = false
            }
            guard let kind = state(line) else { continue }
            open(n)
            switch kind {
            case .synchronised:
                if current?.synchronised != nil { close(); open(n) }
                current?.synchronised = true
                current?.stateLine = n
                current?.server = between(line, "(", ")")
                current?.stratum = number(after: " at stratum ", in: line)
            case .unsynchronised:
                if current?.synchronised != nil { close(); open(n) }
                current?.synchronised = false
                current?.stateLine = n
            case .restarting: current?.restarting = true
            case .correctWithin: current?.correctWithinMs = number(after: "time correct to within ", in: line)
            case .polling:
                current?.pollingSeconds = number(after: "polling server every ", in: line)
                // The last line of the output.
                close()
            }
        }
        close()
        return outputs
    }

    private enum StateLine { case synchronised, unsynchronised, restarting, correctWithin, polling }

    private static func state(_ line: String) -> StateLine? {
        if line.hasPrefix("synchronised to ") { return .synchronised }
        if line == "unsynchronised" || line.hasPrefix("unsynchronised ") { return .unsynchronised }
        if line.hasPrefix("time server re-starting") { return .restarting }
        if line.hasPrefix("time correct to within ") { return .correctWithin }
        if line.hasPrefix("polling server every ") { return .polling }
        return nil
    }

    /// A peer row of ten columns, or the second half of a row whose long name ntpq printed alone on the line
    /// before ([inferred] from ntpq's own layout: a name wider than its column ends the line).
    private static func peerRow(_ tokens: [String], wrapped: inout (name: String, line: Int)?, line: Int) -> Peer? {
        var cells = tokens
        var first = line
        if cells.count == 1 {
            wrapped = (cells[0], line)
            return nil
        }
        if cells.count == 9, let w = wrapped {
            cells.insert(w.name, at: 0)
            first = w.line
        }
        wrapped = nil
        guard cells.count == 10 else { return nil }
        var name = cells[0]
        var tally: Character?
        if let c = name.first, tallyCodes.contains(c), name.count > 1 {
            tally = c
            name.removeFirst()
        }
        let peer = Peer(
            tally: tally, remote: name, refid: cells[1], stratum: Int(cells[2]), type: cells[3], when: cells[4],
            poll: Int(cells[5]), reach: cells[6], delayMs: milliseconds(cells[7]), offsetMs: milliseconds(cells[8]),
            jitterMs: milliseconds(cells[9]), line: first)
        // A row whose numbers do not read is not a peer row.
        guard peer.stratum != nil, peer.offsetMs != nil, peer.delayMs != nil else { return nil }
        return peer
    }

    /// A millisecond figure as ntpq prints it (`0.044`, `-41335.`), finite and within a day.
    static func milliseconds(_ s: String) -> Double? {
        guard s.count <= 16, let v = Double(s.hasSuffix(".") ? String(s.dropLast()) : s), v.isFinite,
            abs(v) <= 86_400_000
        else { return nil }
        return v
    }

    private static func pid(_ line: String) -> Int? { number(after: "(pid ", in: line) }

    /// The digits right after `prefix` in `line`, bounded.
    private static func number(after prefix: String, in line: String) -> Int? {
        guard let r = line.range(of: prefix) else { return nil }
        let digits = line[r.upperBound...].prefix { $0.isASCII && $0.isNumber }.prefix(9)
        return Int(digits)
    }

    private static func between(_ line: String, _ open: Character, _ close: Character) -> String? {
        guard let a = line.firstIndex(of: open), let b = line[a...].firstIndex(of: close), line.index(after: a) < b
        else { return nil }
        return String(line[line.index(after: a)..<b].prefix(100))
    }
}
