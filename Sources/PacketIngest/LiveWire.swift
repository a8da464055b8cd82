public import LicensingModel
public import X509Inspect

/// The parsers of the packet pipeline offered to live probes (`licscope preflight`), so a live answer is read by
/// the same code as a captured one: DNS messages, HTTP/1.x response heads, and the `connectivity.attempt` event.
public enum LiveWire {
    /// A DNS response as a probe needs it.
    public struct DNSAnswer: Sendable, Hashable {
        /// The message id.
        public var id: Int
        /// Whether the QR bit is set.
        public var isResponse: Bool
        /// The response code (0 = NOERROR, 3 = NXDOMAIN).
        public var rcode: Int
        /// `NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`…
        public var rcodeName: String
        /// The question's name, lower-cased.
        public var queryName: String
        /// A and AAAA addresses in the answer section, as text.
        public var addresses: [String]
    }

    /// An HTTP/1.x response head.
    public struct ResponseHead: Sendable, Hashable {
        /// The status code.
        public var status: Int
        /// The reason phrase.
        public var reason: String
        /// Header fields, names lower-cased, in order.
        public var headers: [[String]]
        /// Bytes taken by the start line and the headers, including the blank line.
        public var length: Int

        /// The first value of header `name` (lower-case).
        public func header(_ name: String) -> String? { headers.first { $0.first == name }?.last }
    }

    /// The outcome of reading a response head.
    public enum HeadResult: Sendable, Hashable {
        case head(ResponseHead)
        /// The head is not complete yet.
        case needMore
        /// The bytes are not an HTTP/1.x response head (or the head exceeds 64 KiB).
        case invalid
    }

    /// A recursive query for `name` (type A = 1, AAAA = 28) with message id `id`.
    public static func dnsQuery(name: String, type: UInt16 = 1, id: UInt16) -> [UInt8] {
        var out: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xFF), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        for label in name.split(separator: ".") {
            let bytes = Array(label.utf8.prefix(63))
            out.append(UInt8(bytes.count))
            out += bytes
        }
        out += [0, UInt8(type >> 8), UInt8(type & 0xFF), 0, 1]
        return out
    }

    /// Parses a DNS message (a UDP payload); nil when it is too damaged to read the header and question.
    public static func dnsAnswer(_ bytes: [UInt8]) -> DNSAnswer? {
        bytes.withUnsafeBytes { b in
            DNSMessage.parse(b).map { m in
                DNSAnswer(
                    id: Int(m.id), isResponse: m.isResponse, rcode: m.rcode, rcodeName: DNSMessage.rcodeName(m.rcode),
                    queryName: m.queryName, addresses: m.answers.compactMap { $0.address?.description })
            }
        }
    }

    /// Reads an HTTP/1.x response head at the start of `bytes`.
    public static func responseHead(_ bytes: [UInt8]) -> HeadResult {
        bytes.withUnsafeBytes { b in
            switch HTTPHead.parse(b) {
            case .needMore: return .needMore
            case .invalid: return .invalid
            case .head(let h):
                guard let status = h.status else { return .invalid }
                return .head(ResponseHead(
                    status: status, reason: h.reason ?? "", headers: h.headers.map { [$0.name, $0.value] },
                    length: h.length))
            }
        }
    }

    /// The chain fields of a `tls.handshake` event (`chain_verdict`, `chain`, `leaf_subject`, `leaf_issuer`,
    /// `root_issuer`, `chain_detail` with any interception hint), from a verification.
    public static func chainFields(_ v: ChainVerification) -> [String: FieldValue] {
        var f: [String: FieldValue] = ["chain": .list(v.certificates.map { .string($0.subject) })]
        if let leaf = v.certificates.first {
            f["leaf_subject"] = .string(leaf.subject)
            f["leaf_issuer"] = .string(leaf.issuer)
        }
        if let root = v.rootIssuer { f["root_issuer"] = .string(root) }
        var detail = v.detail
        if let hint = v.interceptionHint { detail += (detail.isEmpty ? "" : "; ") + "interception suspected: \(hint)" }
        if !detail.isEmpty { f["chain_detail"] = .string(detail) }
        return f
    }

    /// The `connectivity.attempt` event for a ladder, with the given source pointer and time.
    public static func connectivityEvent(_ ladder: ConnectionLadder, source: SourcePointer, time: EventTime?) -> Event {
        var event = LadderEvent.event(ladder, path: source.path)
        event.source = source
        event.time = time
        return event
    }
}
