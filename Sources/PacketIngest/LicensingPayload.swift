import Foundation

/// Recognizes the Smart Licensing payload in cleartext HTTP (a satellite on port 80): the Smart Agent JSON
/// (`request_type`, `status`, `udi_pid`/`udi_serial_number`) and the Call Home SOAP envelope around it.
///
/// The body is read as bytes: the markers and keys searched for are ASCII, and so are the bytes that end a value,
/// so no string search runs over the whole body once per key (a body that is not valid UTF-8 is read as it is;
/// a value is decoded, invalid sequences replaced, once found).
enum LicensingPayload {
    struct Message {
        var requestType: String?
        var status: String?
        /// `callhome` (SOAP/AML envelope) or `json`.
        var messageType: String
        var udi: String?
        var reason: String?
    }

    /// URL paths of licensing endpoints.
    static let pathMarkers = ["/Transportgateway/services/DeviceRequestHandler", "DDCEService", "/licservice/license"]

    /// Whether `uri` addresses a licensing endpoint.
    static func isLicensingPath(_ uri: String) -> Bool {
        pathMarkers.contains { uri.range(of: $0, options: .caseInsensitive) != nil }
    }

    /// Parses a body (its first ``HTTPStream/bodyLimit`` bytes); nil when it carries no licensing marker.
    static func parse(_ body: [UInt8]) -> Message? {
        guard !body.isEmpty else { return nil }
        return body.prefix(HTTPStream.bodyLimit).withUnsafeBufferPointer { b -> Message? in
            let isEnvelope = find("aml-session", in: b) != nil || find("soap-env:Envelope", in: b) != nil
                || find("aml-block", in: b) != nil
            let requestType = value(of: "request_type", in: b)
            let status = value(of: "status", in: b)
            guard isEnvelope || requestType != nil || status != nil else { return nil }
            var udi: String?
            if let pid = value(of: "udi_pid", in: b) {
                udi = "PID:\(pid)" + (value(of: "udi_serial_number", in: b).map { ",SN:\($0)" } ?? "")
            }
            return Message(
                requestType: requestType, status: status, messageType: isEnvelope ? "callhome" : "json", udi: udi,
                reason: value(of: "message", in: b))
        }
    }

    /// The string value of a JSON key, tolerating one level of escaping (`\"key\":\"value\"`): after the first
    /// `"key"` (else `\"key\"`), quotes, backslashes and spaces, a colon, spaces, then the value's quote (or
    /// backslash); the value runs to the next `"`, `\`, `,` or `}` and is cut to 200 characters.
    static func value(of key: String, in b: UnsafeBufferPointer<UInt8>) -> String? {
        guard var i = find("\"" + key + "\"", in: b) ?? find("\\\"" + key + "\\\"", in: b) else { return nil }
        let n = b.count
        while i < n, b[i] == 0x5C || b[i] == 0x22 || b[i] == 0x20 { i += 1 }  // \ " space
        guard i < n, b[i] == 0x3A else { return nil }  // :
        i += 1
        while i < n, b[i] == 0x20 { i += 1 }
        guard i < n, b[i] == 0x22 || b[i] == 0x5C else { return nil }
        while i < n, b[i] == 0x5C || b[i] == 0x22 { i += 1 }
        let start = i
        while i < n, b[i] != 0x22, b[i] != 0x5C, b[i] != 0x2C, b[i] != 0x7D { i += 1 }  // " \ , }
        guard i > start else { return nil }
        return String(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self).prefix(200))
    }

    /// The index just past the first occurrence of `needle` in `b`, or nil.
    static func find(_ needle: String, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= b.count else { return nil }
        var i = 0
        while i <= b.count - pattern.count {
            if b[i] == first, pattern.indices.allSatisfy({ b[i + $0] == pattern[$0] }) { return i + pattern.count }
            i += 1
        }
        return nil
    }
}
