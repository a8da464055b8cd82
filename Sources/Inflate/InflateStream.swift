/// A streaming gzip (RFC 1952, multi-member), zlib (RFC 1950) or raw DEFLATE (RFC 1951) decoder.
///
/// Feed compressed chunks of any size (one byte at a time gives the same output as all at once), then call
/// `finish()` to learn whether the stream was complete. A value type: copies decode independently
/// (the zlib state is copied on write), so it is `Sendable` and can live in a loop in strict-concurrency code.
///
/// ```swift
/// var stream = InflateStream(format: .gzip, outputLimit: 1 << 30)
/// var out: [UInt8] = []
/// try stream.feed(chunk, into: &out)   // on throw, `out` still holds everything decoded before the damage
/// try stream.finish()                   // throws `.truncated` if the input stopped early
/// ```
public struct InflateStream: @unchecked Sendable {
    // @unchecked: the only reference is `handle`, which is never mutated while shared (copy-on-write below).

    private enum Phase: Equatable {
        /// Inside a stream (or a gzip member) that has not ended.
        case inMember
        /// A gzip member ended; another member, trailing zeros or the end of input may follow.
        case betweenMembers
        /// Zero padding after the last gzip member (tolerated, as `gzip -d` does).
        case trailingZeros
        /// A zlib or raw stream ended.
        case ended
        /// Decoding failed; every later call reports the same error.
        case failed(InflateError)
    }

    /// The container format being decoded.
    public let format: InflateFormat
    /// The most decompressed bytes this stream will produce before failing with `.limitExceeded`.
    public let outputLimit: Int
    /// Compressed bytes accepted so far.
    public private(set) var totalIn: Int = 0
    /// Decompressed bytes produced so far.
    public private(set) var totalOut: Int = 0
    /// Gzip members that ended cleanly (0 or 1 for zlib and raw DEFLATE).
    public private(set) var completedMembers: Int = 0

    private var handle: ZStreamHandle?
    private var phase: Phase = .inMember

    /// Creates a decoder. `outputLimit` guards against decompression bombs.
    public init(format: InflateFormat, outputLimit: Int = .max) {
        self.format = format
        self.outputLimit = max(0, outputLimit)
        self.handle = ZStreamHandle(windowBits: format.windowBits)
    }

    /// True once the input seen so far forms a complete stream (at least one whole gzip member).
    public var isComplete: Bool {
        switch phase {
        case .betweenMembers, .trailingZeros, .ended: return true
        case .inMember, .failed: return false
        }
    }

    /// Decodes `input`, appending the output to `output`.
    /// On error, `output` keeps every byte decoded before the damage, and the stream stays failed.
    /// Bytes after the end of a zlib or raw DEFLATE stream are an error (`.corrupt`).
    public mutating func feed(_ input: [UInt8], into output: inout [UInt8]) throws(InflateError) {
        let used = try feed(input[...], into: &output, maxOutput: .max)
        if used < input.count {
            let error = InflateError(kind: .corrupt, offset: totalIn, message: "data after the end of the compressed stream")
            phase = .failed(error)
            throw error
        }
    }

    /// Decodes `input` and returns the output. Prefer `feed(_:into:)` when partial output matters on error.
    public mutating func feed(_ input: [UInt8]) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        try feed(input, into: &output)
        return output
    }

    /// Decodes from the start of `input` until it is used up or `maxOutput` bytes were appended to `output`;
    /// returns how many input bytes were consumed. A zlib or raw DEFLATE stream stops consuming at its end
    /// (`isComplete`), leaving what follows to the caller (a zip's data descriptor, the next member).
    /// Otherwise call again with the rest of the input; when a call appended
    /// exactly `maxOutput` bytes, more output may be buffered: call again (with empty input, if none is left)
    /// before `finish()`. Offsets in errors count compressed bytes across all calls.
    public mutating func feed(
        _ input: ArraySlice<UInt8>, into output: inout [UInt8], maxOutput: Int
    ) throws(InflateError) -> Int {
        try input.withUnsafeBufferPointer { (buffer) throws(InflateError) -> Int in
            try feed(buffer, into: &output, maxOutput: maxOutput)
        }
    }

    /// Declares the end of input. Throws `.truncated` when the stream had not ended.
    public mutating func finish() throws(InflateError) {
        switch phase {
        case .failed(let error):
            throw error
        case .inMember:
            let what = totalIn == 0 ? "no compressed data" : "unexpected end of compressed data"
            let error = InflateError(kind: .truncated, offset: totalIn, message: what)
            phase = .failed(error)
            throw error
        case .betweenMembers, .trailingZeros, .ended:
            return
        }
    }

    private mutating func feed(
        _ buffer: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], maxOutput: Int
    ) throws(InflateError) -> Int {
        if case .failed(let error) = phase { throw error }
        let start = output.count
        var position = 0
        do {
            repeat {
                let rest = UnsafeBufferPointer(rebasing: buffer[position...])
                let cap = maxOutput - (output.count - start)
                let (used, paused) = try step(rest, into: &output, cap: cap)
                position += used
                if paused || phase == .ended { break }
            } while position < buffer.count
        } catch {
            phase = .failed(error)
            throw error
        }
        return position
    }

    /// Handles one phase's worth of `input`; returns how many bytes were consumed, and whether the output cap
    /// paused decoding.
    private mutating func step(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], cap: Int
    ) throws(InflateError) -> (Int, Bool) {
        switch phase {
        case .failed(let error):
            throw error
        case .ended:
            guard input.isEmpty else {
                throw InflateError(kind: .corrupt, offset: totalIn, message: "data after the end of the compressed stream")
            }
            return (0, false)
        case .trailingZeros:
            return (try skipZeros(input), false)
        case .betweenMembers:
            return (try startNextMember(input), false)
        case .inMember:
            return try inflateMember(input, into: &output, cap: cap)
        }
    }

    private mutating func inflateMember(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], cap: Int
    ) throws(InflateError) -> (Int, Bool) {
        let zstream = try uniqueHandle()
        let allowed = outputLimit - totalOut
        // One byte past the limit tells "exactly at the limit" from "over it".
        let limitBudget = allowed == .max ? allowed : allowed + 1
        let budget = min(cap, limitBudget)
        let before = output.count
        let (consumed, result) = zstream.inflate(input, into: &output, budget: budget)
        totalOut += output.count - before
        if totalOut > outputLimit {
            output.removeLast(totalOut - outputLimit)
            totalOut = outputLimit
            totalIn += consumed
            throw InflateError(kind: .limitExceeded, offset: totalIn,
                               message: "decompressed output exceeds the limit of \(outputLimit) bytes")
        }
        switch result {
        case .needsInput:
            // zlib keeps what it could not use yet (a partial code) internally: the whole input is accepted.
            totalIn += input.count
            return (input.count, false)
        case .streamEnd:
            totalIn += consumed
            completedMembers += 1
            phase = format == .gzip ? .betweenMembers : .ended
            return (consumed, false)
        case .budgetExhausted:
            totalIn += consumed
            return (consumed, true)
        case .dataError(let message):
            totalIn += consumed
            throw InflateError(kind: .corrupt, offset: totalIn, message: message)
        case .memoryError:
            totalIn += consumed
            throw InflateError(kind: .corrupt, offset: totalIn, message: "zlib ran out of memory")
        }
    }

    private mutating func startNextMember(_ input: UnsafeBufferPointer<UInt8>) throws(InflateError) -> Int {
        guard let first = input.first else { return 0 }
        switch first {
        case 0x1f:
            guard try uniqueHandle().reset() else {
                throw InflateError(kind: .corrupt, offset: totalIn, message: "zlib could not reset the stream")
            }
            phase = .inMember
            return 0
        case 0x00:
            phase = .trailingZeros
            return 0
        default:
            throw InflateError(kind: .corrupt, offset: totalIn, message: "trailing garbage after the last gzip member")
        }
    }

    private mutating func skipZeros(_ input: UnsafeBufferPointer<UInt8>) throws(InflateError) -> Int {
        if let index = input.firstIndex(where: { $0 != 0 }) {
            totalIn += index
            throw InflateError(kind: .corrupt, offset: totalIn, message: "trailing garbage after the last gzip member")
        }
        totalIn += input.count
        return input.count
    }

    /// The zlib state, copied first when another `InflateStream` value shares it.
    private mutating func uniqueHandle() throws(InflateError) -> ZStreamHandle {
        let unique = isKnownUniquelyReferenced(&handle)
        guard let current = handle else {
            throw InflateError(kind: .corrupt, offset: totalIn, message: "zlib could not initialise (out of memory)")
        }
        if unique { return current }
        guard let copy = ZStreamHandle(copying: current) else {
            throw InflateError(kind: .corrupt, offset: totalIn, message: "zlib could not copy the stream (out of memory)")
        }
        handle = copy
        return copy
    }
}
