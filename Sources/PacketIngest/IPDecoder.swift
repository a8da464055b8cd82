/// Decodes IPv4 (fragments noted) and IPv6 (extension headers walked), then the TCP or UDP header.
enum IPDecoder {
    enum Result {
        case packet(DecodedPacket)
        /// A non-first fragment, or a first fragment: reassembly is not attempted.
        case fragment
        /// IP carrying something other than TCP/UDP (ICMP, GRE…).
        case otherProtocol
        case malformed(String)
    }

    /// Decodes the network layer at `start`. `originalLength` is the frame's length on the wire.
    static func decode(_ b: UnsafeRawBufferPointer, start: Int, etherType: UInt16) -> Result {
        etherType == 0x0800 ? ipv4(b, start) : ipv6(b, start)
    }

    private static func ipv4(_ b: UnsafeRawBufferPointer, _ s: Int) -> Result {
        guard let vihl = b.u8(s), let total = b.be16(s + 2), let frag = b.be16(s + 6), let proto = b.u8(s + 9),
            let src = b.be32(s + 12), let dst = b.be32(s + 16)
        else { return .malformed("IPv4 header cut short") }
        let ihl = Int(vihl & 0x0F) * 4
        guard vihl >> 4 == 4, ihl >= 20 else { return .malformed("bad IPv4 header length") }
        guard Int(total) >= ihl else { return .malformed("IPv4 total length \(total) below header length") }
        if frag & 0x1FFF != 0 || frag & 0x2000 != 0 { return .fragment }
        let end = s + Int(total)
        return transport(b, proto: proto, start: s + ihl, end: end, src: IPAddress(v4: src), dst: IPAddress(v4: dst))
    }

    private static func ipv6(_ b: UnsafeRawBufferPointer, _ s: Int) -> Result {
        guard let first = b.u8(s), first >> 4 == 6, let payloadLength = b.be16(s + 4), var next = b.u8(s + 6),
            let src = IPAddress(v6: b, at: s + 8), let dst = IPAddress(v6: b, at: s + 24)
        else { return .malformed("IPv6 header cut short") }
        var offset = s + 40
        let end = s + 40 + Int(payloadLength)
        var hops = 0
        while hops < 16 {
            switch next {
            case 0, 43, 60:  // hop-by-hop, routing, destination options
                guard let n = b.u8(offset), let len = b.u8(offset + 1) else { return .malformed("IPv6 extension cut") }
                next = n
                offset += (Int(len) + 1) * 8
            case 44:  // fragment
                guard let n = b.u8(offset), let fo = b.be16(offset + 2) else { return .malformed("IPv6 fragment cut") }
                if fo & 0xFFF9 != 0 || fo & 1 != 0 { return .fragment }
                next = n
                offset += 8
            case 51:  // authentication header
                guard let n = b.u8(offset), let len = b.u8(offset + 1) else { return .malformed("IPv6 AH cut") }
                next = n
                offset += (Int(len) + 2) * 4
            default:
                return transport(b, proto: next, start: offset, end: end, src: src, dst: dst)
            }
            hops += 1
        }
        return .malformed("too many IPv6 extension headers")
    }

    private static func transport(
        _ b: UnsafeRawBufferPointer, proto: UInt8, start: Int, end: Int, src: IPAddress, dst: IPAddress
    ) -> Result {
        switch proto {
        case 6:
            guard let sp = b.be16(start), let dp = b.be16(start + 2), let seq = b.be32(start + 4),
                let ack = b.be32(start + 8), let off = b.u8(start + 12), let flags = b.u8(start + 13)
            else { return .malformed("TCP header cut short") }
            let headerLength = Int(off >> 4) * 4
            guard headerLength >= 20, start + headerLength <= end else { return .malformed("bad TCP header length") }
            let payloadStart = start + headerLength
            let payload = b.slice(payloadStart, end)
            return .packet(DecodedPacket(
                src: src, dst: dst, isTCP: true, srcPort: sp, dstPort: dp, seq: seq, ack: ack, flags: flags,
                payload: payload, wireLength: end - payloadStart))
        case 17:
            guard let sp = b.be16(start), let dp = b.be16(start + 2), let length = b.be16(start + 4) else {
                return .malformed("UDP header cut short")
            }
            let udpEnd = Int(length) >= 8 ? min(end, start + Int(length)) : end
            return .packet(DecodedPacket(
                src: src, dst: dst, isTCP: false, srcPort: sp, dstPort: dp, payload: b.slice(start + 8, udpEnd),
                wireLength: max(0, udpEnd - start - 8)))
        default:
            return .otherProtocol
        }
    }
}
