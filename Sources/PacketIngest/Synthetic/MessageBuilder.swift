/// Builds TLS records and DNS messages for synthetic captures.
public enum MessageBuilder {
    /// A TLS handshake record holding one message.
    static func handshake(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        record(22, [type] + FrameBuilder.be24(body.count) + body)
    }

    /// A TLS record.
    public static func record(_ type: UInt8, _ body: [UInt8], version: UInt16 = 0x0303) -> [UInt8] {
        [type] + FrameBuilder.be16(version) + FrameBuilder.be16(UInt16(truncatingIfNeeded: body.count)) + body
    }

    /// A ClientHello record with SNI and, optionally, ALPN and supported_versions.
    public static func clientHello(sni: String?, alpn: [String] = [], versions: [UInt16] = []) -> [UInt8] {
        var ext: [UInt8] = []
        if let sni {
            let name = Array(sni.utf8)
            let entry = [0] + FrameBuilder.be16(UInt16(name.count)) + name
            ext += extensionBlock(0, FrameBuilder.be16(UInt16(entry.count)) + entry)
        }
        if !alpn.isEmpty {
            let list = alpn.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            ext += extensionBlock(16, FrameBuilder.be16(UInt16(list.count)) + list)
        }
        if !versions.isEmpty {
            ext += extensionBlock(43, [UInt8(versions.count * 2)] + versions.flatMap(FrameBuilder.be16))
        }
        let body = FrameBuilder.be16(0x0303) + [UInt8](repeating: 0x11, count: 32) + [0]
            + FrameBuilder.be16(4) + [0xC0, 0x2F, 0x13, 0x01] + [1, 0] + FrameBuilder.be16(UInt16(ext.count)) + ext
        return handshake(1, body)
    }

    /// A ServerHello record (TLS 1.3 adds the supported_versions extension).
    public static func serverHello(version: UInt16 = 0x0303) -> [UInt8] {
        let ext = version == 0x0304 ? extensionBlock(43, FrameBuilder.be16(0x0304)) : []
        let body = FrameBuilder.be16(0x0303) + [UInt8](repeating: 0x22, count: 32) + [0] + [0xC0, 0x2F, 0]
            + FrameBuilder.be16(UInt16(ext.count)) + ext
        return handshake(2, body)
    }

    /// A Certificate record (TLS ≤ 1.2) carrying `chain` (DER, leaf first).
    public static func certificate(_ chain: [[UInt8]]) -> [UInt8] {
        let entries = chain.flatMap { FrameBuilder.be24($0.count) + $0 }
        return handshake(11, FrameBuilder.be24(entries.count) + entries)
    }

    /// A ServerHelloDone record.
    public static func serverHelloDone() -> [UInt8] { handshake(14, []) }

    /// A cleartext alert record (level 2 = fatal; 48 = unknown_ca).
    public static func alert(level: UInt8, description: UInt8) -> [UInt8] { record(21, [level, description]) }

    /// A DNS query for an A record.
    public static func dnsQuery(id: UInt16, name: String, type: UInt16 = 1) -> [UInt8] {
        FrameBuilder.be16(id) + [0x01, 0x00] + FrameBuilder.be16(1) + [0, 0, 0, 0, 0, 0] + encodeName(name)
            + FrameBuilder.be16(type) + [0, 1]
    }

    /// A DNS response with `rcode` and A answers (dotted IPv4 text).
    public static func dnsResponse(id: UInt16, name: String, rcode: UInt8, answers: [String] = []) -> [UInt8] {
        var out = FrameBuilder.be16(id) + [0x81, 0x80 | (rcode & 0x0F)] + FrameBuilder.be16(1)
            + FrameBuilder.be16(UInt16(answers.count)) + [0, 0, 0, 0] + encodeName(name) + [0, 1, 0, 1]
        for a in answers {
            out += [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4] + FrameBuilder.be32(FrameBuilder.ipv4(a))
        }
        return out
    }

    static func extensionBlock(_ type: UInt16, _ body: [UInt8]) -> [UInt8] {
        FrameBuilder.be16(type) + FrameBuilder.be16(UInt16(body.count)) + body
    }

    static func encodeName(_ name: String) -> [UInt8] {
        name.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }
}
