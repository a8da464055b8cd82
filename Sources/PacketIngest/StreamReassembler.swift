/// Puts one direction of a TCP stream back in order, within a byte budget.
///
/// Retransmitted bytes are dropped, overlapping segments are trimmed to what is new, out-of-order segments wait
/// (up to `limit` bytes and 64 segments) until the gap fills. A hole that cannot fill (a lost segment, or a snaplen
/// cut) ends delivery: the parser downstream cannot resynchronize reliably, so it is told by `stalled`.
/// After `limit` delivered bytes the direction is `exhausted` and ignored.
struct StreamReassembler {
    private(set) var nextSeq: UInt32?
    let limit: Int
    private(set) var delivered = 0
    private var pending: [(seq: UInt32, bytes: [UInt8], frame: Int)] = []
    private var pendingBytes = 0
    private(set) var retransmissions = 0
    private(set) var outOfOrder = 0
    private(set) var overlaps = 0
    /// A hole that will not fill: delivery stopped.
    private(set) var stalled = false

    init(limit: Int) { self.limit = limit }

    /// Delivery is over (budget spent or stalled).
    var isFinished: Bool { stalled || delivered >= limit }

    /// Records the SYN's sequence number: data starts at `seq + 1`.
    mutating func start(synSeq: UInt32) {
        if nextSeq == nil { nextSeq = synSeq &+ 1 }
    }

    /// Adds a segment; calls `deliver` with each newly contiguous run of bytes and the frame that completed it.
    mutating func add(
        seq: UInt32, payload: UnsafeRawBufferPointer, wireLength: Int, frame: Int,
        deliver: (UnsafeRawBufferPointer, Int) -> Void
    ) {
        guard !isFinished, wireLength > 0 else { return }
        let next = nextSeq ?? seq
        nextSeq = next
        let rel = Int(Int32(bitPattern: seq &- next))
        if rel < 0 {
            let skip = -rel
            if skip >= wireLength {
                retransmissions += 1
                return
            }
            overlaps += 1
            add(
                seq: seq &+ UInt32(skip), payload: payload.slice(skip, payload.count), wireLength: wireLength - skip,
                frame: frame, deliver: deliver)
            return
        }
        if rel > 0 {
            outOfOrder += 1
            guard payload.count == wireLength, pendingBytes + payload.count <= limit, pending.count < 64 else {
                stalled = true
                return
            }
            pending.append((seq, Array(payload), frame))
            pendingBytes += payload.count
            return
        }
        emit(payload, frame: frame, deliver: deliver)
        if payload.count < wireLength {
            stalled = true  // snaplen cut: the rest of this segment is not in the file
            return
        }
        drainPending(deliver: deliver)
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer, frame: Int, deliver: (UnsafeRawBufferPointer, Int) -> Void) {
        let room = max(0, limit - delivered)
        let chunk = bytes.slice(0, min(bytes.count, room))
        guard chunk.count > 0 else { return }
        nextSeq = (nextSeq ?? 0) &+ UInt32(truncatingIfNeeded: bytes.count)
        delivered += chunk.count
        deliver(chunk, frame)
    }

    private mutating func drainPending(deliver: (UnsafeRawBufferPointer, Int) -> Void) {
        var progressed = true
        while progressed && !pending.isEmpty && !isFinished {
            progressed = false
            guard let next = nextSeq else { return }
            for (i, segment) in pending.enumerated() {
                let rel = Int(Int32(bitPattern: segment.seq &- next))
                guard rel <= 0 else { continue }
                pending.remove(at: i)
                pendingBytes -= segment.bytes.count
                let skip = -rel
                if skip < segment.bytes.count {
                    segment.bytes.withUnsafeBytes { raw in
                        emit(raw.slice(skip, raw.count), frame: segment.frame, deliver: deliver)
                    }
                } else {
                    retransmissions += 1
                }
                progressed = true
                break
            }
        }
    }
}
