#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Keeps a test about FIFOs from hanging: while it runs, the first reader that opens the FIFO at `path` is fed `text`
/// and every reader then sees the end, so code that wrongly opens the FIFO finishes (and shows what it read) instead
/// of blocking the whole test run. ``stop()`` tells how many times the feeder found it open for reading.
///
/// Opening the write end with `O_NONBLOCK` succeeds only while a reader has the FIFO open, so the feeder never
/// blocks and never writes when nobody reads.
public final class FIFOFeeder: @unchecked Sendable {
    // @unchecked: `stopped` and `fed` are only touched under `lock`.
    private let lock = NSLock()
    private var stopped = false
    private var fed = 0
    private let finished = DispatchSemaphore(value: 0)

    /// Starts feeding `text` to readers of the FIFO at `path`.
    public init(path: String, text: String) {
        let bytes = Array(text.utf8)
        let thread = Thread { [self] in
            while !isStopped {
                let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else {
                    usleep(2_000)
                    continue
                }
                // The text once; later opens (the same reader before it saw the end, or another) are only closed.
                if lock.withLock({ fed }) == 0 { _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
                close(fd)
                lock.withLock { fed += 1 }
            }
            finished.signal()
        }
        thread.start()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Stops feeding and returns how many times the FIFO was found open for reading (0 when nothing opened it).
    public func stop() -> Int {
        lock.withLock { stopped = true }
        finished.wait()
        return lock.withLock { fed }
    }
}
