/// Finds the network-layer packet inside a frame for the link types licscope reads: Ethernet (with 802.1Q / QinQ
/// tags), Linux SLL and SLL2, raw IPv4/IPv6, and BSD loopback (NULL / LOOP).
enum LinkLayerDecoder {
    /// The network layer: its EtherType (0x0800 IPv4, 0x86DD IPv6) and where it starts.
    struct NetworkStart {
        var etherType: UInt16
        var offset: Int
        var vlanTags: Int
    }

    enum Result {
        case network(NetworkStart)
        /// A frame that carries something other than IP (ARP, LLDP…): nothing to decode, not damage.
        case notIP
        case unsupportedLinkType
        case tooShort
    }

    /// The link types `locate` decodes.
    static let supported: Set<Int> = [0, 1, 12, 14, 101, 108, 113, 228, 229, 276]

    static func locate(linkType: Int, in b: UnsafeRawBufferPointer) -> Result {
        switch linkType {
        case 1: return ethernet(b)
        case 113:  // LINUX_SLL: 16-byte header, protocol at 14
            guard let proto = b.be16(14) else { return .tooShort }
            return classify(etherType: proto, offset: 16, tags: 0, b)
        case 276:  // LINUX_SLL2: 20-byte header, protocol at 0
            guard let proto = b.be16(0), b.count >= 20 else { return .tooShort }
            return classify(etherType: proto, offset: 20, tags: 0, b)
        case 101, 12, 14: return byVersion(b, offset: 0)  // RAW (and its platform DLT values)
        case 228: return .network(NetworkStart(etherType: 0x0800, offset: 0, vlanTags: 0))
        case 229: return .network(NetworkStart(etherType: 0x86DD, offset: 0, vlanTags: 0))
        case 0, 108: return byVersion(b, offset: 4)  // NULL / LOOP: 4-byte address family
        default: return .unsupportedLinkType
        }
    }

    private static func ethernet(_ b: UnsafeRawBufferPointer) -> Result {
        guard var type = b.be16(12) else { return .tooShort }
        var offset = 14
        var tags = 0
        while type == 0x8100 || type == 0x88A8 || type == 0x9100 {
            guard tags < 8, let inner = b.be16(offset + 2) else { return .tooShort }
            type = inner
            offset += 4
            tags += 1
        }
        return classify(etherType: type, offset: offset, tags: tags, b)
    }

    private static func classify(etherType: UInt16, offset: Int, tags: Int, _ b: UnsafeRawBufferPointer) -> Result {
        guard etherType == 0x0800 || etherType == 0x86DD else { return .notIP }
        guard offset < b.count else { return .tooShort }
        return .network(NetworkStart(etherType: etherType, offset: offset, vlanTags: tags))
    }

    private static func byVersion(_ b: UnsafeRawBufferPointer, offset: Int) -> Result {
        guard let first = b.u8(offset) else { return .tooShort }
        switch first >> 4 {
        case 4: return .network(NetworkStart(etherType: 0x0800, offset: offset, vlanTags: 0))
        case 6: return .network(NetworkStart(etherType: 0x86DD, offset: offset, vlanTags: 0))
        default: return .notIP
        }
    }
}
