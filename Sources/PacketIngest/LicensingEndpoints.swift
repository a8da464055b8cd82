/// How a conversation is recognized as an attempt to reach Smart Licensing: by name (SNI, CONNECT target,
/// Host header, DNS answer) or by a satellite's URL path — never by IP address alone.
enum LicensingEndpoints {
    /// CSSM hosts (Call Home and Smart Transport).
    static let hosts: Set<String> = ["tools.cisco.com", "smartreceiver.cisco.com"]
    /// The satellite / Transport Gateway path.
    static let satellitePath = "/Transportgateway/services/DeviceRequestHandler"

    static func isLicensingHost(_ host: String?) -> Bool {
        guard let host else { return false }
        return hosts.contains(host.lowercased())
    }

    /// The satellite URL for a request, when its path is the Device Request Handler.
    static func satelliteURL(uri: String, host: String?, tls: Bool) -> String? {
        guard uri.lowercased().contains(satellitePath.lowercased()) else { return nil }
        if uri.lowercased().hasPrefix("http://") || uri.lowercased().hasPrefix("https://") {
            return uri.split(separator: "?").first.map(String.init)
        }
        guard let host else { return nil }
        return (tls ? "https://" : "http://") + host + satellitePath
    }
}
