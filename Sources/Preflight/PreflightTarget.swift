import Foundation

/// Where the pre-flight goes: the licensing URL the product would use, split into its parts.
public struct PreflightTarget: Sendable, Hashable {
    /// `https` or `http`.
    public var scheme: String
    /// The host name (or address) the product addresses.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The licensing path requested at the HTTP stage.
    public var path: String

    /// The Call Home URL CUCM 12.x uses by default (domain-notes §5.1, [V] in the Smart Agent trace).
    public static let callHome = PreflightTarget(
        scheme: "https", host: "tools.cisco.com", port: 443, path: "/its/service/oddce/services/DDCEService")
    /// The Smart Transport URL (domain-notes §5.1, [V] genieparser fixtures).
    public static let smartTransport = PreflightTarget(
        scheme: "https", host: "smartreceiver.cisco.com", port: 443, path: "/licservice/license")

    /// Creates a target.
    public init(scheme: String, host: String, port: Int, path: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
    }

    /// `tools.cisco.com`, `smartreceiver.cisco.com`, or a URL (`https://satellite.example.com/Transportgateway/…`,
    /// `http://10.1.1.1/…`); nil when it cannot be read.
    public static func parse(_ text: String) -> PreflightTarget? {
        let lower = text.lowercased()
        if lower == callHome.host { return callHome }
        if lower == smartTransport.host { return smartTransport }
        var rest = Substring(text)
        var scheme = "https"
        if let range = text.range(of: "://") {
            scheme = text[..<range.lowerBound].lowercased()
            guard scheme == "https" || scheme == "http" else { return nil }
            rest = text[range.upperBound...]
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var path = String(rest.dropFirst(authority.count))
        if path.isEmpty { path = "/" }
        guard let (host, port) = HostAndPort.split(String(authority)) else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        if path == "/" && !LicensingHosts.isCSSM(host) {
            // A satellite without a path: the Device Request Handler (domain-notes §5.1).
            path = "/Transportgateway/services/DeviceRequestHandler"
        } else if path == "/" && host.lowercased() == smartTransport.host {
            path = smartTransport.path
        } else if path == "/" {
            path = callHome.path
        }
        return PreflightTarget(scheme: scheme, host: host, port: port ?? defaultPort, path: path)
    }

    /// The endpoint name a ladder carries: the CSSM host, or the satellite URL.
    public var endpoint: String { LicensingHosts.isCSSM(host) ? host.lowercased() : url }

    /// The URL as the product would configure it.
    public var url: String {
        let defaultPort = scheme == "https" ? 443 : 80
        let authority = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(authority)\(port == defaultPort ? "" : ":\(port)")\(path)"
    }
}

/// The CSSM host names.
enum LicensingHosts {
    static func isCSSM(_ host: String) -> Bool {
        ["tools.cisco.com", "smartreceiver.cisco.com"].contains(host.lowercased())
    }
}

/// `host`, `host:port`, `[v6]`, `[v6]:port`.
public enum HostAndPort {
    /// Splits the text; nil when the host is empty or the port is not a number in 1…65535.
    public static func split(_ text: String) -> (host: String, port: Int?)? {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            guard !host.isEmpty else { return nil }
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":"), let port = Int(after.dropFirst()), (1...65_535).contains(port) else { return nil }
            return (host, port)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        if parts.count == 1 { return (String(first), nil) }
        if parts.count > 2 { return (text, nil) }  // a bare IPv6 address
        guard let port = Int(parts[1]), (1...65_535).contains(port) else { return nil }
        return (String(first), port)
    }
}
