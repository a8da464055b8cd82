internal import CZlib

/// What one run of zlib's `inflate` over a buffer ended with.
enum ZInflateResult {
    /// Every input byte was consumed and all pending output flushed; more input is needed.
    case needsInput
    /// The end of the compressed stream (for gzip: of one member) was reached.
    case streamEnd
    /// The output budget ran out; zlib may hold more output for the next call.
    case budgetExhausted
    /// zlib rejected the data.
    case dataError(String)
    /// zlib could not allocate memory.
    case memoryError
}

/// Owns one zlib `z_stream` for inflation. The stream lives at a stable address (zlib keeps a back pointer).
/// Internal, not `Sendable`: `InflateStream` copies it before mutating whenever it is shared.
final class ZStreamHandle {
    private let stream: UnsafeMutablePointer<z_stream>
    private var scratch: [UInt8]

    /// Starts an inflater for the given `windowBits`; nil when zlib refuses (out of memory).
    init?(windowBits: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = [UInt8](repeating: 0, count: 64 * 1024)
        guard licscope_inflateInit2(stream, windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    /// Duplicates `other`'s complete decoding state (window included); nil when out of memory.
    init?(copying other: ZStreamHandle) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = [UInt8](repeating: 0, count: other.scratch.count)
        guard inflateCopy(stream, other.stream) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Prepares for the next gzip member, keeping the allocated window.
    func reset() -> Bool { inflateReset(stream) == Z_OK }

    /// Inflates `input`, appending at most `budget` bytes to `output`; output beyond the budget stays buffered
    /// inside zlib for the next call (which may pass empty input to drain it).
    /// Returns how many input bytes zlib consumed and why it stopped.
    func inflate(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], budget: Int
    ) -> (consumed: Int, result: ZInflateResult) {
        let length = min(input.count, Int(UInt32.max))
        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.pointee.avail_in = UInt32(length)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        var remaining = budget
        while true {
            if remaining <= 0 { return (length - Int(stream.pointee.avail_in), .budgetExhausted) }
            let window = min(scratch.count, remaining)
            var produced = 0
            let code: Int32 = scratch.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(window)
                let code = CZlib.inflate(stream, Z_NO_FLUSH)
                produced = window - Int(stream.pointee.avail_out)
                stream.pointee.next_out = nil
                stream.pointee.avail_out = 0
                return code
            }
            let consumed = length - Int(stream.pointee.avail_in)
            output.append(contentsOf: scratch[0..<produced])
            remaining -= produced
            switch code {
            case Z_STREAM_END:
                return (consumed, .streamEnd)
            case Z_OK:
                // More output may be pending when the window filled up.
                if stream.pointee.avail_in == 0 && produced < window { return (consumed, .needsInput) }
            case Z_BUF_ERROR:
                return (consumed, .needsInput)
            case Z_NEED_DICT:
                return (consumed, .dataError("a preset dictionary is required"))
            case Z_MEM_ERROR:
                return (consumed, .memoryError)
            default:
                return (consumed, .dataError(lastMessage ?? "invalid compressed data"))
            }
        }
    }

    /// zlib's message for the last error, if it set one.
    private var lastMessage: String? {
        guard let message = stream.pointee.msg else { return nil }
        return String(cString: message)
    }
}
