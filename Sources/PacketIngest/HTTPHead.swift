/// An HTTP/1.x request or response head.
struct HTTPHead {
    /// The request method, nil for a response.
    var method: String?
    var uri: String?
    /// The response status, nil for a request.
    var status: Int?
    var reason: String?
    /// Header fields, names lower-cased, in order.
    var headers: [(name: String, value: String)]
    /// Bytes taken by the start line and headers, including the blank line.
    var length: Int

    func header(_ name: String) -> String? { headers.first(where: { $0.name == name })?.value }
    var isConnect: Bool { method == "CONNECT" }
    var contentLength: Int? { header("content-length").flatMap { Int($0.trimmingSpaces) } }
    var isChunked: Bool { header("transfer-encoding")?.lowercased().contains("chunked") ?? false }

    /// Request methods recognized at the start of a stream.
    static let methods = ["GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE"]

    /// Whether `b` begins like an HTTP/1.x message.
    static func looksLikeHTTP(_ b: UnsafeRawBufferPointer) -> Bool {
        let prefix = String(decoding: b.slice(0, 8), as: UTF8.self)
        if prefix.hasPrefix("HTTP/1.") { return true }
        return methods.contains { prefix.hasPrefix($0 + " ") || ($0 + " ").hasPrefix(prefix) && !prefix.isEmpty }
    }

    enum ParseResult {
        case head(HTTPHead)
        case needMore
        case invalid
    }

    /// Parses a head at the start of `b`; heads longer than `limit` are invalid.
    static func parse(_ b: UnsafeRawBufferPointer, limit: Int = 64 * 1024) -> ParseResult {
        var end: Int?
        var i = 3
        let scanEnd = min(b.count, limit)
        while i < scanEnd {
            if b[i] == 0x0A && b[i - 1] == 0x0D && b[i - 2] == 0x0A && b[i - 3] == 0x0D {
                end = i + 1
                break
            }
            i += 1
        }
        guard let end else { return b.count >= limit ? .invalid : .needMore }
        let text = String(decoding: b.slice(0, end - 4), as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return .invalid }
        let start = lines.removeFirst()
        let parts = start.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2 else { return .invalid }
        var head = HTTPHead(method: nil, uri: nil, status: nil, reason: nil, headers: [], length: end)
        if parts[0].hasPrefix("HTTP/1.") {
            guard let code = Int(parts[1]), (100...999).contains(code) else { return .invalid }
            head.status = code
            head.reason = parts.count > 2 ? parts[2] : ""
        } else {
            guard methods.contains(parts[0]), parts.count == 3, parts[2].hasPrefix("HTTP/") else { return .invalid }
            head.method = parts[0]
            head.uri = parts[1]
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces
            head.headers.append((name, value))
        }
        return .head(head)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
