import X509Inspect

/// The byte stream the HTTP stage talks over: the TCP socket itself, or a TLS session on top of it.
struct ProbeChannel {
    let socket: NonBlockingSocket
    let tls: TLSClientSession?

    /// Sends application bytes.
    func send(_ bytes: [UInt8], deadline: Deadline) -> NonBlockingSocket.Failure? {
        guard let tls else { return socket.send(bytes, deadline: deadline) }
        guard tls.write(bytes) else { return .system("TLS write failed") }
        return socket.send(tls.takeOutgoing(), deadline: deadline)
    }

    /// Receives application bytes until `complete` says the buffer holds what is needed, the peer closes, or the
    /// deadline passes; returns what arrived and how it ended (nil = complete).
    func receive(
        deadline: Deadline, limit: Int = 64 * 1024, until complete: ([UInt8]) -> Bool
    ) -> ([UInt8], NonBlockingSocket.Failure?) {
        var buffer: [UInt8] = []
        while buffer.count < limit {
            switch socket.receive(deadline: deadline) {
            case .failure(let f): return (buffer, f)
            case .success(let bytes):
                if let tls {
                    tls.feed(bytes)
                    let plain = tls.read()
                    let pending = tls.takeOutgoing()
                    if !pending.isEmpty { _ = socket.send(pending, deadline: deadline) }
                    guard let plain else { return (buffer, .closed) }
                    buffer += plain
                } else {
                    buffer += bytes
                }
                if complete(buffer) { return (buffer, nil) }
            }
        }
        return (buffer, nil)
    }
}
