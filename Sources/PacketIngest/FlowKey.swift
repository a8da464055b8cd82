/// An unordered pair of endpoints identifying a conversation regardless of direction.
struct FlowKey: Hashable {
    var a: IPAddress
    var aPort: UInt16
    var b: IPAddress
    var bPort: UInt16

    init(_ p: DecodedPacket) {
        if (p.src, p.srcPort) < (p.dst, p.dstPort) {
            (a, aPort, b, bPort) = (p.src, p.srcPort, p.dst, p.dstPort)
        } else {
            (a, aPort, b, bPort) = (p.dst, p.dstPort, p.src, p.srcPort)
        }
    }

    /// Which side opened the conversation when the SYN was not captured: the one talking to the lower port.
    static func guessClientIsSource(_ p: DecodedPacket) -> Bool {
        if p.syn { return !p.hasAck }
        return p.dstPort < p.srcPort || (p.dstPort == p.srcPort && p.src < p.dst)
    }
}
