import Analysis
import ArgumentParser
import Foundation
import LicensingModel
import Preflight
import TextIngest

/// `licscope preflight`: live DNS → TCP → proxy → TLS → certificate → HTTP → clock checks toward CSSM or a satellite.
struct PreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Check, from this host, that the licensing server can be reached the way CUCM reaches it.",
        discussion: """
            Walks DNS, TCP connect, proxy CONNECT, TLS (SNI), the certificate chain (bundled public roots plus \
            --ca-file), an HTTP request on the licensing path, and the clock (server Date, limit one hour); each stage \
            is timed and bounded by --timeout, and the run stops at the first failure. The same ladder, events and \
            rules as offline analysis are used. The proxy password is read from $LICSCOPE_PROXY_PASSWORD or \
            --proxy-password-file, never from an argument, and never printed. \
            Exit codes: 0 all stages passed, 2 usage, 10 dns, 11 tcp, 12 proxy, 13 tls, 14 certificate, 15 http, \
            16 licensing path, 17 clock.
            """ + HelpExamples.preflight)

    @Option(help: "tools.cisco.com, smartreceiver.cisco.com, or a URL (a satellite's).")
    var target: String = "tools.cisco.com"

    @Option(help: ArgumentHelp("The HTTP proxy CUCM is configured with.", valueName: "HOST:PORT"))
    var proxy: String?

    @Option(name: .customLong("proxy-user"), help: "User for proxy Basic authentication.")
    var proxyUser: String?

    @Option(name: .customLong("proxy-password-file"), help: "File whose first line is the proxy password (else $LICSCOPE_PROXY_PASSWORD).")
    var proxyPasswordFile: String?

    @Option(name: .customLong("ca-file"), help: "PEM file of extra trust anchors (CUCM tomcat-trust additions, a proxy's CA). Repeatable.")
    var caFiles: [String] = []

    @Option(name: .customLong("dns-server"), help: ArgumentHelp("Ask this DNS server (UDP) instead of the system resolver.", valueName: "IP[:PORT]"))
    var dnsServer: String?

    @Option(help: ArgumentHelp("Use this address for a name, without DNS (like curl --resolve). Repeatable.", valueName: "HOST:IP"))
    var resolve: [String] = []

    @Option(help: "Seconds each stage may take.")
    var timeout: Double = 10

    @Option(name: .customLong("cucm-version"), help: "The CUCM release this stands in for (version-dependent caveats: CSCvc94366, FN72318). Forms: 12.5(1)SU4, 14SU1, 12.5.1.14900-63.")
    var cucmVersion: String?

    @Option(help: ArgumentHelp("A `show license all|status` output: adds the engine's runway. Repeatable.", valueName: "SHOW_LICENSE_FILE"))
    var status: [String] = []

    /// What `preflight` can write.
    enum OutputFormat: String, OutputFormatChoice {
        case text, json
        static var standard: OutputFormat { .text }
        static var uses: SharedOptionUse { .rules }
    }

    @OptionGroup var shared: SharedOptions<OutputFormat>

    @Option(help: ArgumentHelp("Record the pre-flight's own packets to this pcap file (needs root) and analyze them.", valueName: "FILE"))
    var capture: String?

    @Option(name: .customLong("tls-max"), help: "Highest TLS version offered: 1.2 or 1.3 (default 1.3; 1.2 with --capture, so the capture shows the certificates).")
    var tlsMax: String?

    func run() throws {
        guard timeout > 0, timeout <= 600 else { throw usage("--timeout must be between 0 and 600 seconds") }
        guard let parsedTarget = PreflightTarget.parse(target) else { throw usage("cannot read --target \(Redaction.redact(target))") }
        var options = PreflightOptions(target: parsedTarget, timeoutSeconds: timeout, cucmVersion: cucmVersion)
        switch tlsMax ?? (capture == nil ? "1.3" : "1.2") {
        case "1.2": options.maximumTLSVersion = 0x0303
        case "1.3": options.maximumTLSVersion = nil
        default: throw usage("--tls-max must be 1.2 or 1.3")
        }
        if let proxy {
            guard let (host, port) = HostAndPort.split(proxy), let port else { throw usage("--proxy must be HOST:PORT") }
            options.proxy = .init(host: host, port: port, user: proxyUser, password: try password())
        } else if proxyUser != nil {
            throw usage("--proxy-user needs --proxy")
        }
        for path in caFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw usage("cannot read --ca-file \(path)") }
            options.extraAnchorsPEM.append(text)
        }
        if let dnsServer {
            guard let (host, port) = HostAndPort.split(dnsServer) else { throw usage("--dns-server must be IP[:PORT]") }
            options.dnsServer = (host, port ?? 53)
        }
        for item in resolve {
            guard let colon = item.firstIndex(of: ":"), !item[..<colon].isEmpty else { throw usage("--resolve must be HOST:IP") }
            options.resolve[item[..<colon].lowercased()] = String(item[item.index(after: colon)...])
        }
        var groups: [[Event]] = []
        for path in status {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw usage("cannot read --status \(path)") }
            groups += SnapshotEvents.read(text: text, path: path, zones: try shared.zones.resolver()).groups
        }
        let rules = try RulesCommand.loadOrExit(shared.rulesDirectory)
        let result = PreflightRun.run(options, context: .init(rules: rules, statusGroups: groups, capturePath: capture))
        let text = shared.format == .json ? PreflightJSON.render(result) : PreflightText.render(result)
        try shared.write(text)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// The proxy password: from --proxy-password-file, else $LICSCOPE_PROXY_PASSWORD; never from an argument.
    private func password() throws -> String? {
        if let path = proxyPasswordFile {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw usage("cannot read --proxy-password-file") }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        return ProcessInfo.processInfo.environment["LICSCOPE_PROXY_PASSWORD"]
    }

    /// A usage error: one `licscope: error: …` line on stderr, exit 2.
    private func usage(_ message: String) -> CommandFailure {
        CommandFailure("preflight: \(message)")
    }
}
