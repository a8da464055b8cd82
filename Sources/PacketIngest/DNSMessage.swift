/// A DNS message: header, first question, and the A / AAAA / CNAME answers.
struct DNSMessage {
    struct Answer {
        var name: String
        var type: UInt16
        /// The address or target name as text.
        var value: String
        /// The address, for A and AAAA answers.
        var address: IPAddress?
    }

    var id: UInt16
    var isResponse: Bool
    var rcode: Int
    var queryName: String
    var queryType: UInt16
    var answerCount: Int
    var answers: [Answer]

    /// Parses a DNS message (UDP payload, or one TCP-framed message without its length prefix).
    static func parse(_ b: UnsafeRawBufferPointer) -> DNSMessage? {
        guard let id = b.be16(0), let flags = b.be16(2), let qd = b.be16(4), let an = b.be16(6) else { return nil }
        guard qd >= 1, let (name, afterName) = readName(b, at: 12), let qtype = b.be16(afterName) else { return nil }
        var message = DNSMessage(
            id: id, isResponse: flags & 0x8000 != 0, rcode: Int(flags & 0x000F), queryName: name, queryType: qtype,
            answerCount: Int(an), answers: [])
        var i = afterName + 4
        for _ in 1..<Int(qd) {
            guard let (_, next) = readName(b, at: i) else { return message }
            i = next + 4
        }
        for _ in 0..<min(Int(an), 64) {
            guard let (owner, next) = readName(b, at: i), let type = b.be16(next), let rdLength = b.be16(next + 8)
            else { break }
            let rdata = next + 10
            guard rdata + Int(rdLength) <= b.count else { break }
            switch type {
            case 1 where rdLength == 4:
                if let v = b.be32(rdata) { message.answers.append(Answer(name: owner, type: 1, value: IPAddress(v4: v).description, address: IPAddress(v4: v))) }
            case 28 where rdLength == 16:
                if let v = IPAddress(v6: b, at: rdata) { message.answers.append(Answer(name: owner, type: 28, value: v.description, address: v)) }
            case 5:
                if let (target, _) = readName(b, at: rdata) { message.answers.append(Answer(name: owner, type: 5, value: target, address: nil)) }
            default: break
            }
            i = rdata + Int(rdLength)
        }
        return message
    }

    /// Reads a possibly compressed name; returns it (lower-cased, no trailing dot) and the offset after it.
    static func readName(_ b: UnsafeRawBufferPointer, at start: Int) -> (String, Int)? {
        var labels: [String] = []
        var i = start
        var end: Int?
        var jumps = 0
        var total = 0
        while true {
            guard let length = b.u8(i) else { return nil }
            if length == 0 {
                return (labels.joined(separator: ".").lowercased(), end ?? i + 1)
            }
            if length & 0xC0 == 0xC0 {
                guard let low = b.u8(i + 1), jumps < 32 else { return nil }
                if end == nil { end = i + 2 }
                i = Int(length & 0x3F) << 8 | Int(low)
                jumps += 1
                continue
            }
            guard length < 64, i + 1 + Int(length) <= b.count else { return nil }
            total += Int(length) + 1
            guard total <= 255 else { return nil }
            labels.append(Self.presentationLabel(b.slice(i + 1, i + 1 + Int(length))))
            i += 1 + Int(length)
        }
    }

    /// A label as `dig` prints it: printable ASCII as is, `.` and `\` escaped, every other byte as `\DDD`, so a
    /// hostile name can neither break a report line nor carry terminal escape codes.
    static func presentationLabel(_ bytes: some Collection<UInt8>) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x21...0x7E: out.unicodeScalars.append(UnicodeScalar(byte))
            default: out += "\\\(byte / 100)\(byte / 10 % 10)\(byte % 10)"
            }
        }
        return out
    }

    static func rcodeName(_ rcode: Int) -> String {
        switch rcode {
        case 0: return "NOERROR"
        case 1: return "FORMERR"
        case 2: return "SERVFAIL"
        case 3: return "NXDOMAIN"
        case 4: return "NOTIMP"
        case 5: return "REFUSED"
        default: return "RCODE\(rcode)"
        }
    }

    static func typeName(_ type: UInt16) -> String {
        switch type {
        case 1: return "A"
        case 28: return "AAAA"
        case 5: return "CNAME"
        case 15: return "MX"
        case 16: return "TXT"
        case 33: return "SRV"
        case 12: return "PTR"
        case 2: return "NS"
        case 6: return "SOA"
        case 65: return "HTTPS"
        default: return "TYPE\(type)"
        }
    }
}
