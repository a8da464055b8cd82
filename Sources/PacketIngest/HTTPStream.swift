/// One HTTP/1.x message read from a stream: its head, up to 64 KiB of body, and the frames that carried them.
struct HTTPMessage {
    var head: HTTPHead
    var headFrame: Int
    var body: [UInt8]
    var bodyComplete: Bool
}

/// Reads one direction of an HTTP/1.x connection: heads, bodies by Content-Length or chunked coding, and the
/// switch to a tunnel after `CONNECT` (request side) or its 2xx answer (response side).
struct HTTPStream {
    static let bodyLimit = 64 * 1024
    let fromClient: Bool
    private var buffer: [UInt8] = []
    private var current: HTTPMessage?
    private var remaining = 0
    private enum BodyMode { case none, length, chunked, untilClose }
    private var bodyMode = BodyMode.none
    /// Whether the current message's body is kept (licensing paths and JSON/XML/SOAP bodies only).
    private var keepBody = false
    private(set) var done = false
    /// Set when the stream became a tunnel; the bytes after the head are in `tunnelBytes`.
    private(set) var tunnelBytes: [UInt8]?

    init(fromClient: Bool) { self.fromClient = fromClient }

    /// Feeds bytes; appends complete messages to `out`. `methods` is the connection's queue of request methods
    /// (requests push, responses pop) so a response knows whether it answers CONNECT or HEAD.
    mutating func feed(
        _ bytes: UnsafeRawBufferPointer, frame: Int, methods: inout [String], out: inout [HTTPMessage]
    ) {
        guard !done else { return }
        buffer.append(contentsOf: bytes)
        var progressed = true
        while progressed && !done {
            progressed = current == nil ? readHead(frame: frame, methods: &methods, out: &out) : readBody(out: &out)
        }
    }

    /// Completes a message whose body runs until the connection closes.
    mutating func finish(out: inout [HTTPMessage]) {
        if var message = current {
            message.bodyComplete = bodyMode == .untilClose
            out.append(message)
            current = nil
        }
    }

    private mutating func readHead(frame: Int, methods: inout [String], out: inout [HTTPMessage]) -> Bool {
        let result = buffer.withUnsafeBytes { HTTPHead.parse($0) }
        switch result {
        case .needMore: return false
        case .invalid:
            done = true
            buffer = []
            return false
        case .head(let head):
            buffer.removeFirst(min(head.length, buffer.count))
            var message = HTTPMessage(head: head, headFrame: frame, body: [], bodyComplete: true)
            var tunnel = false
            if fromClient {
                methods.append(head.method ?? "")
                tunnel = head.isConnect
            } else if let status = head.status, status >= 200 {
                let method = methods.isEmpty ? "" : methods.removeFirst()
                tunnel = method == "CONNECT" && (200..<300).contains(status)
                if method == "HEAD" || method == "CONNECT" || status == 204 || status == 304 {
                    out.append(message)
                    return finishTunnel(tunnel)
                }
            }
            if head.status.map({ $0 < 200 }) ?? false {
                out.append(message)
                return true
            }
            if head.isChunked {
                bodyMode = .chunked
            } else if let length = head.contentLength, length >= 0 {
                bodyMode = .length
                remaining = length
            } else {
                bodyMode = fromClient ? .none : .untilClose
            }
            if bodyMode == .none || (bodyMode == .length && remaining == 0) {
                out.append(message)
                return finishTunnel(tunnel)
            }
            message.bodyComplete = false
            let type = head.header("content-type")?.lowercased() ?? ""
            keepBody = head.uri.map(LicensingPayload.isLicensingPath) ?? false
                || ["json", "xml", "soap"].contains { type.contains($0) }
            current = message
            return true
        }
    }

    private mutating func finishTunnel(_ tunnel: Bool) -> Bool {
        guard tunnel else { return true }
        tunnelBytes = buffer
        buffer = []
        done = true
        return false
    }

    private mutating func readBody(out: inout [HTTPMessage]) -> Bool {
        guard var message = current else { return false }
        switch bodyMode {
        case .length, .untilClose:
            let take = bodyMode == .length ? min(remaining, buffer.count) : buffer.count
            let room = keepBody ? max(0, Self.bodyLimit - message.body.count) : 0
            message.body.append(contentsOf: buffer.prefix(min(take, room)))
            buffer.removeFirst(take)
            remaining -= take
            current = message
            if bodyMode == .length && remaining == 0 {
                message.bodyComplete = true
                out.append(message)
                current = nil
                return true
            }
            return false
        case .chunked:
            return readChunk(&message, out: &out)
        case .none:
            current = nil
            return true
        }
    }

    private mutating func readChunk(_ message: inout HTTPMessage, out: inout [HTTPMessage]) -> Bool {
        guard let lineEnd = buffer.firstIndex(of: 0x0A), lineEnd < 32 || buffer.count < 32 else {
            if buffer.count >= 32 { done = true }
            return false
        }
        let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self)
            .split(separator: ";").first.map { String($0).trimmingSpaces.replacingCR } ?? ""
        guard let size = Int(sizeText, radix: 16), size >= 0, size <= 1 << 30 else {
            done = true
            return false
        }
        let needed = lineEnd + 1 + size + 2
        guard buffer.count >= needed else { return false }
        let room = keepBody ? max(0, Self.bodyLimit - message.body.count) : 0
        message.body.append(contentsOf: buffer[(lineEnd + 1)..<(lineEnd + 1 + min(size, room))])
        buffer.removeFirst(needed)
        if size == 0 {
            message.bodyComplete = true
            out.append(message)
            current = nil
        } else {
            current = message
        }
        return true
    }
}

extension String {
    fileprivate var replacingCR: String { filter { $0 != "\r" } }
}
