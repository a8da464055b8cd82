/// Parses the handshake messages licscope reads: ClientHello (SNI, versions, ALPN), ServerHello
/// (version incl. `supported_versions`, cipher, HelloRetryRequest) and Certificate (TLS ≤ 1.2).
enum TLSHandshakeParser {
    /// The SHA-256 of "HelloRetryRequest", the fixed ServerHello.random of an HRR (RFC 8446 §4.1.3).
    static let helloRetryRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]

    /// Parses a ClientHello body (after the 4-byte handshake header).
    static func clientHello(_ b: UnsafeRawBufferPointer, frame: Int) -> TLSObservation.ClientHello? {
        guard let version = b.be16(0), let sidLength = b.u8(34) else { return nil }
        var i = 35 + Int(sidLength)
        guard let suitesLength = b.be16(i) else { return nil }
        i += 2 + Int(suitesLength)
        guard let compressionLength = b.u8(i) else { return nil }
        i += 1 + Int(compressionLength)
        var hello = TLSObservation.ClientHello(
            frame: frame, legacyVersion: version, sni: nil, supportedVersions: [], alpn: [])
        forEachExtension(b, from: i) { type, ext in
            switch type {
            case 0: hello.sni = serverName(ext)
            case 16: hello.alpn = alpn(ext)
            case 43:
                guard let n = ext.u8(0) else { return }
                var j = 1
                while j + 2 <= 1 + Int(n), let v = ext.be16(j) {
                    if v & 0x0F0F != 0x0A0A { hello.supportedVersions.append(v) }  // skip GREASE
                    j += 2
                }
            default: break
            }
        }
        return hello
    }

    /// Parses a ServerHello body.
    static func serverHello(_ b: UnsafeRawBufferPointer, frame: Int) -> TLSObservation.ServerHello? {
        guard let version = b.be16(0), let sidLength = b.u8(34) else { return nil }
        let random = b.slice(2, 34)
        var i = 35 + Int(sidLength)
        guard let cipher = b.be16(i) else { return nil }
        i += 3
        var hello = TLSObservation.ServerHello(
            frame: frame, legacyVersion: version, selectedVersion: nil, cipher: cipher,
            isHelloRetryRequest: random.elementsEqual(helloRetryRandom))
        forEachExtension(b, from: i) { type, ext in
            if type == 43, let v = ext.be16(0) { hello.selectedVersion = v }
        }
        return hello
    }

    /// Parses a TLS ≤ 1.2 Certificate body into DER blocks.
    static func certificates(_ b: UnsafeRawBufferPointer) -> [[UInt8]] {
        guard let total = b.be24(0) else { return [] }
        var out: [[UInt8]] = []
        var i = 3
        let end = min(b.count, 3 + total)
        while i + 3 <= end, let length = b.be24(i), i + 3 + length <= end, out.count < 16 {
            out.append(Array(b.slice(i + 3, i + 3 + length)))
            i += 3 + length
        }
        return out
    }

    private static func forEachExtension(
        _ b: UnsafeRawBufferPointer, from start: Int, _ body: (UInt16, UnsafeRawBufferPointer) -> Void
    ) {
        guard let total = b.be16(start) else { return }
        var i = start + 2
        let end = min(b.count, i + Int(total))
        while i + 4 <= end, let type = b.be16(i), let length = b.be16(i + 2) {
            let extEnd = i + 4 + Int(length)
            guard extEnd <= end else { return }
            body(type, b.slice(i + 4, extEnd))
            i = extEnd
        }
    }

    private static func serverName(_ ext: UnsafeRawBufferPointer) -> String? {
        guard let listLength = ext.be16(0) else { return nil }
        var i = 2
        while i + 3 <= min(ext.count, 2 + Int(listLength)), let type = ext.u8(i), let length = ext.be16(i + 1) {
            if type == 0 {
                let name = ext.slice(i + 3, i + 3 + Int(length))
                return String(decoding: name, as: UTF8.self)
            }
            i += 3 + Int(length)
        }
        return nil
    }

    private static func alpn(_ ext: UnsafeRawBufferPointer) -> [String] {
        guard let listLength = ext.be16(0) else { return [] }
        var out: [String] = []
        var i = 2
        while i < min(ext.count, 2 + Int(listLength)), let length = ext.u8(i) {
            out.append(String(decoding: ext.slice(i + 1, i + 1 + Int(length)), as: UTF8.self))
            i += 1 + Int(length)
        }
        return out
    }
}
