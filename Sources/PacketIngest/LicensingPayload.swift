import Foundation

/// Recognizes the Smart Licensing payload in cleartext HTTP (a satellite on port 80): the Smart Agent JSON
/// (`request_type`, `status`, `udi_pid`/`udi_serial_number`) and the Call Home SOAP envelope around it.
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

    /// Parses a body; nil when it carries no licensing marker.
    static func parse(_ body: [UInt8]) -> Message? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(HTTPStream.bodyLimit), as: UTF8.self)
        let isEnvelope = text.contains("aml-session") || text.contains("soap-env:Envelope")
            || text.contains("aml-block")
        let requestType = value(of: "request_type", in: text)
        let status = value(of: "status", in: text)
        guard isEnvelope || requestType != nil || status != nil else { return nil }
        var udi: String?
        if let pid = value(of: "udi_pid", in: text) {
            udi = "PID:\(pid)" + (value(of: "udi_serial_number", in: text).map { ",SN:\($0)" } ?? "")
        }
        return Message(
            requestType: requestType, status: status, messageType: isEnvelope ? "callhome" : "json", udi: udi,
            reason: value(of: "message", in: text))
    }

    /// The string value of a JSON key, tolerating one level of escaping (`\"key\":\"value\"`).
    static func value(of key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "\"" + key + "\"") ?? text.range(of: "\\\"" + key + "\\\"") else {
            return nil
        }
        var rest = text[keyRange.upperBound...].drop { $0 == "\\" || $0 == "\"" || $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard rest.first == "\"" || rest.first == "\\" else { return nil }
        rest = rest.drop { $0 == "\\" || $0 == "\"" }
        let value = rest.prefix { $0 != "\"" && $0 != "\\" && $0 != "," && $0 != "}" }
        return value.isEmpty ? nil : String(value.prefix(200))
    }
}
