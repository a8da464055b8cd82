import Foundation
import Synchronization

/// Reads a file sequentially in fixed-size chunks on a background thread, a few chunks ahead of the caller, so the
/// kernel's copy of the next chunk runs on the other core while the caller decodes this one.
///
/// Each buffer has `headroom` writable bytes before its chunk: the caller may copy the unfinished end of the
/// previous chunk there, so a record that straddles two chunks is contiguous without copying whole chunks.
///
/// Ownership: a ring of `depth` buffers. The reading thread fills a buffer only after taking a `free` permit and
/// hands it over by signalling `filled`; the caller holds the last two chunks ``next()`` returned (the older one is
/// given back by the following call). No buffer is touched by both threads at once, which is why the type can be
/// `@unchecked Sendable`. ``finish()`` stops the thread and waits for it; the caller must call it once.
final class ReadAhead: @unchecked Sendable {
    /// One chunk: the whole buffer (head room included), where its bytes start and how many there are, and the
    /// `errno` of a failed read (0 when none).
    struct Chunk {
        var buffer: UnsafeMutableRawBufferPointer
        var start: Int
        var count: Int
        var error: Int32
        /// Whether no chunk follows (the end of the file, or a failed read).
        var isLast: Bool
    }

    private let fd: Int32
    private let chunkSize: Int
    private let headroom: Int
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Per buffer: bytes read and the read's `errno` (raw memory: written by the thread, read by the caller after
    /// the `filled` semaphore).
    private let lengths: UnsafeMutableBufferPointer<Int>
    private let errors: UnsafeMutableBufferPointer<Int32>
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// Set by the caller to stop the thread early.
    private let stopping = Atomic<Bool>(false)
    private var taken = 0
    private var held = 0

    /// Starts reading `fd` from its current offset.
    init(fd: Int32, chunkSize: Int, headroom: Int, depth: Int = 4) {
        self.fd = fd
        self.chunkSize = chunkSize
        self.headroom = headroom
        buffers = (0..<max(3, depth)).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: headroom + chunkSize, alignment: 16)
        }
        lengths = .allocate(capacity: buffers.count)
        lengths.initialize(repeating: 0)
        errors = .allocate(capacity: buffers.count)
        errors.initialize(repeating: 0)
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below its initial value.
        free = DispatchSemaphore(value: 0)
        for _ in buffers { free.signal() }
        let thread = Thread { [self] in fill() }
        thread.name = "licscope read-ahead"
        thread.start()
    }

    deinit {
        for b in buffers { b.deallocate() }
        lengths.deallocate()
        errors.deallocate()
    }

    /// The reading thread: fills buffers in ring order until the end of the file, a failed read, or ``finish()``.
    private func fill() {
        var slot = 0
        while true {
            free.wait()
            if stopping.load(ordering: .acquiring) { break }
            var length = 0
            var error: Int32 = 0
            let base = buffers[slot].baseAddress! + headroom
            while length < chunkSize {
                let n = read(fd, base + length, chunkSize - length)
                if n < 0 {
                    if errno == EINTR { continue }
                    error = errno
                    break
                }
                if n == 0 { break }
                length += n
            }
            lengths[slot] = length
            errors[slot] = error
            filled.signal()
            if length < chunkSize || error != 0 { break }
            slot = (slot + 1) % buffers.count
        }
        done.signal()
    }

    /// The next chunk, in file order; the chunk returned two calls ago is given back. Not to be called after a
    /// chunk that ``Chunk/isLast``.
    func next() -> Chunk {
        if held == 2 {
            free.signal()
            held -= 1
        }
        filled.wait()
        held += 1
        let slot = taken % buffers.count
        taken += 1
        let length = lengths[slot]
        let error = errors[slot]
        return Chunk(buffer: buffers[slot], start: headroom, count: length, error: error,
                     isLast: length < chunkSize || error != 0)
    }

    /// Stops the reading thread and waits until it has left.
    func finish() {
        stopping.store(true, ordering: .releasing)
        free.signal()
        done.wait()
    }
}
