#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds lines that contain any of many literal anchors in one pass over raw bytes, before any decoding or regex.
///
/// The scan is Wu–Manber (four interleaved cursors in ``lineHits(in:from:to:)``): every anchor contributes a window of ``window`` bytes (its rarest stretch, by
/// ``LogTextBigrams``); a 4 KiB table indexed by a 12-bit hash of 2-byte blocks (small enough to stay in the L1
/// cache) says how far the scan may skip, and only where a window can end are the anchors ending in a block with
/// that hash compared. On License Manager text it looks at about one
/// byte in six. Anchors are compared as exact bytes (case-sensitive).
public struct LiteralPrefilter: Sendable {
    /// The anchors as bytes, in the order given.
    public let anchors: [[UInt8]]
    /// Each anchor's first eight bytes as one word (0 for an anchor shorter than that), compared before the whole
    /// anchor so that most window ends the hash lets through cost one load and no `memcmp` call.
    private let heads: [UInt64]
    /// Key byte → the anchors keyed on it and the key byte's offset in each (for ``anchorsPresent(in:from:to:)``).
    private let byteProbes: ProbeTable
    /// The Wu–Manber window length: the shortest anchor, at most 12 bytes.
    public let window: Int
    /// Block hash → how far the window end may move (the minimum over the blocks sharing the hash).
    private let shift: [UInt8]
    /// A window's last block hash → the anchors whose window ends so, and the window's offset in each.
    private let windowEnds: ProbeTable

    /// Builds the table. Empty anchors are ignored.
    public init(anchors: [String]) {
        let bytes = anchors.map { Array($0.utf8) }
        self.anchors = bytes
        self.heads = bytes.map { a in
            a.count < 8 ? 0 : a.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }
        var perKey: [[(Int32, Int32)]] = Array(repeating: [], count: 256)
        for (i, a) in bytes.enumerated() where !a.isEmpty {
            let (byte, offset) = Self.rarestByte(of: a)
            perKey[Int(byte)].append((Int32(i), Int32(offset)))
        }
        self.byteProbes = ProbeTable(groups: perKey)

        let usable = bytes.filter { !$0.isEmpty }
        let m = max(2, min(12, usable.map(\.count).min() ?? 2))
        var shift = [UInt8](repeating: UInt8(m - 1), count: Self.blockHashes)
        var ends: [[(Int32, Int32)]] = Array(repeating: [], count: Self.blockHashes)
        for (i, a) in bytes.enumerated() where a.count >= m {
            let w = Self.bestWindow(of: a, length: m)
            for j in 0..<(m - 1) {
                let key = Self.blockHash(UInt16(a[w + j]) | UInt16(a[w + j + 1]) << 8)
                shift[key] = min(shift[key], UInt8(m - 2 - j))
            }
            let last = Self.blockHash(UInt16(a[w + m - 2]) | UInt16(a[w + m - 1]) << 8)
            ends[last].append((Int32(i), Int32(w)))
        }
        self.window = usable.isEmpty ? 0 : m
        self.shift = shift
        self.windowEnds = ProbeTable(groups: ends)
    }

    static let blockHashes = 4096

    /// A 12-bit hash of a 2-byte block (first byte in the low bits); every input bit reaches the result.
    @inline(__always)
    static func blockHash(_ block: UInt16) -> Int { Int(block ^ block &>> 7) & 0xFFF }

    /// The window start whose blocks are rarest, the last block (where the scan stops to compare) weighted most.
    static func bestWindow(of a: [UInt8], length m: Int) -> Int {
        var best = 0
        var bestScore = Int.max
        for w in 0...(a.count - m) {
            var score = 0
            for j in 0..<(m - 1) { score += LogTextBigrams.weight(a[w + j], a[w + j + 1]) * (j == m - 2 ? 8 : 1) }
            if score < bestScore { (best, bestScore) = (w, score) }
        }
        return best
    }

    /// The bytes anchors are keyed on (for diagnostics and the benchmark report).
    public var keyBytes: [UInt8] { (0..<256).filter { byteProbes.start[$0] != 0 }.map { UInt8($0) } }

    /// The first anchor occurrence (its start, and which anchor) lying wholly in `from..<to`.
    public func firstMatch(in p: UnsafePointer<UInt8>, from: Int, to: Int) -> (start: Int, anchor: Int)? {
        let m = window
        guard m > 0, to - from >= m else { return nil }
        return shift.withUnsafeBufferPointer { sh in
            windowEnds.start.withUnsafeBufferPointer { ws in
                windowEnds.items.withUnsafeBufferPointer { we in
                    anchors.withUnsafeBufferPointer { an in
                        heads.withUnsafeBufferPointer { hd in
                            let raw = UnsafeRawPointer(p)
                            var pos = from + m - 1
                            while pos < to {
                                let key = Self.blockHash(raw.loadUnaligned(fromByteOffset: pos &- 1, as: UInt16.self).littleEndian)
                                let s = Int(sh[key])
                                if s != 0 {
                                    pos &+= s
                                    continue
                                }
                                var k = Int(ws[key]) - 1
                                let windowStart = pos - (m - 1)
                                while k >= 0, k < we.count, we[k].anchor >= 0 {
                                    let a = Int(we[k].anchor)
                                    let start = windowStart - Int(we[k].offset)
                                    if Self.equals(p, at: start, from: from, to: to, anchor: an[a], head: hd[a]) {
                                        return (start, a)
                                    }
                                    k += 1
                                }
                                pos &+= 1
                            }
                            return nil
                        }
                    }
                }
            }
        }
    }

    /// The lines of `from..<to` that hold an anchor: for each, the start of one occurrence (the first the scan meets),
    /// in line order; a line spanning a boundary between the range's quarters may be listed twice (callers skip hits
    /// before the end of the line they last handled). Four Wu–Manber cursors run interleaved over the four quarters
    /// of the range, so the processor overlaps their table look-ups.
    public func lineHits(in p: UnsafePointer<UInt8>, from: Int, to: Int) -> [Int] {
        let m = window
        guard m > 0, to - from >= m else { return [] }
        let quarter = to - from >= 1 << 16 ? (to - from) / 4 : to - from
        let e0 = min(from + quarter, to), e1 = min(from + 2 * quarter, to), e2 = min(from + 3 * quarter, to), e3 = to
        // One plain array per cursor, passed inout to a method (not captured by a local function), so that no access
        // is checked at run time.
        var h0: [Int] = [], h1: [Int] = [], h2: [Int] = [], h3: [Int] = []
        shift.withUnsafeBufferPointer { sh in
            let first = from + m - 1
            var p0 = first, p1 = max(e0, first), p2 = max(e1, first), p3 = max(e2, first)
            while p0 < e0, p1 < e1, p2 < e2, p3 < e3 {
                advance(&p0, &h0, sh, p, from: from, to: to)
                advance(&p1, &h1, sh, p, from: from, to: to)
                advance(&p2, &h2, sh, p, from: from, to: to)
                advance(&p3, &h3, sh, p, from: from, to: to)
            }
            while p0 < e0 { advance(&p0, &h0, sh, p, from: from, to: to) }
            while p1 < e1 { advance(&p1, &h1, sh, p, from: from, to: to) }
            while p2 < e2 { advance(&p2, &h2, sh, p, from: from, to: to) }
            while p3 < e3 { advance(&p3, &h3, sh, p, from: from, to: to) }
        }
        return h0 + h1 + h2 + h3
    }

    /// One Wu–Manber step of a cursor at window end `pos`: skip, or compare the anchors there and move on.
    @inline(__always)
    private func advance(
        _ pos: inout Int, _ hits: inout [Int], _ sh: UnsafeBufferPointer<UInt8>, _ p: UnsafePointer<UInt8>,
        from: Int, to: Int
    ) {
        let s = Int(sh[Self.blockHash(UnsafeRawPointer(p).loadUnaligned(fromByteOffset: pos &- 1, as: UInt16.self).littleEndian)])
        if s != 0 { pos &+= s } else { pos = verifyLine(p, windowEnd: pos, from: from, to: to, hits: &hits) }
    }

    /// Compares the anchors whose window ends at `windowEnd`; on a match records it and returns the first window
    /// end of the next line, else the next position.
    private func verifyLine(_ p: UnsafePointer<UInt8>, windowEnd: Int, from: Int, to: Int, hits: inout [Int]) -> Int {
        let m = window
        let key = Self.blockHash(UnsafeRawPointer(p).loadUnaligned(fromByteOffset: windowEnd &- 1, as: UInt16.self).littleEndian)
        var k = Int(windowEnds.start[key]) - 1
        while k >= 0, k < windowEnds.items.count, windowEnds.items[k].anchor >= 0 {
            let a = Int(windowEnds.items[k].anchor)
            let start = windowEnd - (m - 1) - Int(windowEnds.items[k].offset)
            if Self.equals(p, at: start, from: from, to: to, anchor: anchors[a], head: heads[a]) {
                hits.append(start)
                let nl = ByteScan.nextNewline(p, from: start, to: to) ?? to
                return nl + m
            }
            k += 1
        }
        return windowEnd + 1
    }

    /// Every anchor present in `from..<to`, as indices into ``anchors`` (sorted, unique).
    public func anchorsPresent(in p: UnsafePointer<UInt8>, from: Int, to: Int) -> [Int] {
        var found: [Int] = []
        byteProbes.start.withUnsafeBufferPointer { t in
            byteProbes.items.withUnsafeBufferPointer { pr in
                anchors.withUnsafeBufferPointer { an in
                    for i in from..<max(from, to) {
                        var k = Int(t[Int(p[i])])
                        guard k != 0 else { continue }
                        k -= 1
                        while k < pr.count, pr[k].anchor >= 0 {
                            let a = Int(pr[k].anchor)
                            if Self.equals(p, at: i - Int(pr[k].offset), from: from, to: to, anchor: an[a], head: heads[a]) {
                                if !found.contains(a) { found.append(a) }
                            }
                            k += 1
                        }
                    }
                }
            }
        }
        found.sort()
        return found
    }

    /// Whether `anchor` (whose first eight bytes are `head`, when it has eight) lies at `start`, wholly in `from..<to`.
    @inline(__always)
    private static func equals(
        _ p: UnsafePointer<UInt8>, at start: Int, from: Int, to: Int, anchor: [UInt8], head: UInt64
    ) -> Bool {
        guard start >= from, start + anchor.count <= to else { return false }
        if anchor.count >= 8, UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self) != head { return false }
        return anchor.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return false }
            return memcmp(p + start, base, a.count) == 0
        }
    }

    /// The anchor byte least frequent in log text, and its offset.
    static func rarestByte(of anchor: [UInt8]) -> (UInt8, Int) {
        var best = 0
        for i in anchor.indices where frequency(anchor[i]) < frequency(anchor[best]) { best = i }
        return (anchor[best], best)
    }

    /// A rough per-mille frequency of a byte in English-language Java and syslog text.
    static func frequency(_ b: UInt8) -> Int {
        switch b {
        case UInt8(ascii: " "): return 150
        case UInt8(ascii: "e"): return 90
        case UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"): return 65
        case UInt8(ascii: "s"), UInt8(ascii: "r"): return 55
        case UInt8(ascii: "c"), UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "u"),
            UInt8(ascii: "h"), UInt8(ascii: "p"):
            return 30
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 25
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "g"), UInt8(ascii: "f"): return 20
        case UInt8(ascii: "y"), UInt8(ascii: "b"), UInt8(ascii: "w"), UInt8(ascii: "v"), UInt8(ascii: ","),
            UInt8(ascii: "/"):
            return 12
        case UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "S"),
            UInt8(ascii: "T"), UInt8(ascii: "C"), UInt8(ascii: "N"), UInt8(ascii: "R"), UInt8(ascii: "L"),
            UInt8(ascii: "D"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "="):
            return 8
        case UInt8(ascii: "k"): return 6
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "("), UInt8(ascii: ")"): return 4
        case UInt8(ascii: "x"): return 3
        case UInt8(ascii: "j"), UInt8(ascii: "q"), UInt8(ascii: "z"): return 2
        default: return 1
        }
    }
}
