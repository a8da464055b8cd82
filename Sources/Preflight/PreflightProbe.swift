import Foundation
import LicensingModel
import PacketIngest
import X509Inspect

/// Walks the stages DNS → TCP → proxy CONNECT → TLS → certificate → HTTP → licensing path → clock, each within
/// the stage budget, stopping at the first failure.
final class PreflightProbe {
    let options: PreflightOptions
    var log: ProbeLog
    /// Every address and port the probe sent packets to (for the capture filter and the report).
    var contacted: [SocketAddress] = []

    init(options: PreflightOptions) {
        self.options = options
        log = ProbeLog(now: options.now)
    }

    /// The host the first TCP connection goes to: the proxy when there is one.
    var firstHop: (host: String, port: Int) {
        options.proxy.map { ($0.host, $0.port) } ?? (options.target.host, options.target.port)
    }

    /// Runs every stage until one fails.
    func run() {
        guard let address = resolve() else { return }
        guard let socket = connect(address) else { return }
        if options.proxy != nil, !proxyConnect(socket) { return }
        var tls: TLSClientSession?
        if options.target.scheme == "https" {
            guard let session = handshake(socket, server: address) else { return }
            guard checkCertificate(session) else { return }
            tls = session.session
        }
        guard let response = httpExchange(ProbeChannel(socket: socket, tls: tls)) else { return }
        guard checkLicensingPath(response) else { return }
        checkClock(response)
    }

    var stageSeconds: Double { options.timeoutSeconds }
}
