import Foundation

/// A non-blocking TCP or UDP socket: every wait goes through `poll` with the stage's deadline, so no call can
/// block past it.
final class NonBlockingSocket {
    /// What a wait or a transfer ended with.
    enum Failure: Error, Equatable {
        /// The deadline passed.
        case timeout
        /// The peer refused (RST to the SYN, or ICMP port unreachable for UDP).
        case refused
        /// The peer reset an established connection.
        case reset
        /// The peer closed the connection.
        case closed
        /// Another system error, with its text.
        case system(String)
    }

    let fd: Int32
    let family: Int32

    /// Creates a socket for `address` (numeric IPv4 or IPv6), TCP when `stream`.
    init?(family: Int32, stream: Bool) {
        let type = Int32(stream ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        let fd = socket(family, type | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.family = family
    }

    deinit { close(fd) }

    /// Starts a connection and waits until it is established, refused, or the deadline passes.
    func connect(to address: SocketAddress, deadline: Deadline) -> Failure? {
        let rc = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if rc == 0 { return nil }
        guard errno == EINPROGRESS else { return Self.failure(errno) }
        if let f = wait(for: Int16(POLLOUT), deadline: deadline) { return f }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0 ? nil : Self.failure(error)
    }

    /// Sends all of `bytes` before the deadline.
    func send(_ bytes: [UInt8], deadline: Deadline) -> Failure? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if let f = wait(for: Int16(POLLOUT), deadline: deadline) { return f }
            } else {
                return Self.failure(errno)
            }
        }
        return nil
    }

    /// Waits for and returns the next bytes (at most 64 KiB); `.closed` at end of stream.
    func receive(deadline: Deadline) -> Result<[UInt8], Failure> {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { return .success(Array(buffer.prefix(n))) }
            if n == 0 { return .failure(.closed) }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { return .failure(Self.failure(errno)) }
            if let f = wait(for: Int16(POLLIN), deadline: deadline) { return .failure(f) }
        }
    }

    /// The local address and port, once connected.
    var localAddress: SocketAddress? { SocketAddress.local(of: fd) }

    private func wait(for events: Int16, deadline: Deadline) -> Failure? {
        while true {
            let left = deadline.remainingMilliseconds
            if left == 0 { return .timeout }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&p, 1, left)
            if rc > 0 { return nil }
            if rc == 0 { return .timeout }
            if errno != EINTR { return Self.failure(errno) }
        }
    }

    static func failure(_ code: Int32) -> Failure {
        switch code {
        case ECONNREFUSED: return .refused
        case ECONNRESET, EPIPE: return .reset
        case ETIMEDOUT: return .timeout
        default: return .system(String(cString: strerror(code)))
        }
    }
}
