import Foundation

/// Everything one pre-flight run needs. The wall clock is injected (`now`); deadlines use the monotonic clock.
public struct PreflightOptions: Sendable {
    /// An HTTP proxy the product is configured with.
    public struct Proxy: Sendable, Hashable {
        /// The proxy's host name or address.
        public var host: String
        /// The proxy's port.
        public var port: Int
        /// The user for Basic authentication, when the proxy needs one.
        public var user: String?
        /// The password (read from an environment variable or a file; never printed).
        public var password: String?

        /// Creates a proxy description.
        public init(host: String, port: Int, user: String? = nil, password: String? = nil) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
        }
    }

    /// The licensing URL.
    public var target: PreflightTarget
    /// The proxy, when the product uses one.
    public var proxy: Proxy?
    /// PEM texts of extra trust anchors (`--ca-file`: the CUCM's tomcat-trust additions, a proxy's CA).
    public var extraAnchorsPEM: [String]
    /// A DNS server to ask with a UDP query (`--dns-server`), as `address` and port; nil = the system resolver.
    public var dnsServer: (host: String, port: Int)?
    /// Fixed name → address mappings that bypass DNS (`--resolve tools.cisco.com:127.0.0.1`).
    public var resolve: [String: String]
    /// The budget of each stage, in seconds.
    public var timeoutSeconds: Double
    /// The CUCM release the pre-flight stands in for (`--cucm-version`), for version-dependent caveats.
    public var cucmVersion: String?
    /// The highest TLS version offered (`0x0303` = TLS 1.2, so a capture shows the certificates), nil = TLS 1.3.
    public var maximumTLSVersion: Int?
    /// The wall clock (for the clock-skew check and certificate validity).
    public var now: @Sendable () -> Date

    /// Creates options.
    public init(
        target: PreflightTarget, proxy: Proxy? = nil, extraAnchorsPEM: [String] = [],
        dnsServer: (host: String, port: Int)? = nil, resolve: [String: String] = [:], timeoutSeconds: Double = 10,
        cucmVersion: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.target = target
        self.proxy = proxy
        self.extraAnchorsPEM = extraAnchorsPEM
        self.dnsServer = dnsServer
        self.resolve = resolve
        self.timeoutSeconds = timeoutSeconds
        self.cucmVersion = cucmVersion
        self.now = now
    }
}
