import Foundation
import LicensingModel
import PacketIngest
import Rules

/// `--capture FILE`: records the pre-flight's own packets with libpcap and reads them back with the packet
/// pipeline, so the live verdict and the offline verdict can be compared on the same bytes.
struct PreflightCapture {
    let path: String
    let capture: LiveCapture?
    let error: String?

    /// Starts recording on `lo` when every address the options name is loopback, else on `any`, filtered to the
    /// ports the pre-flight talks to.
    static func start(options: PreflightOptions, path: String) -> PreflightCapture {
        let firstHopPort = options.proxy?.port ?? options.target.port
        var ports = [firstHopPort]
        if let dns = options.dnsServer { ports.append(dns.port) } else if options.resolve.isEmpty { ports.append(53) }
        let filter = Set(ports).sorted().map { "port \($0)" }.joined(separator: " or ")
        switch LiveCapture.start(interface: interface(options), filter: filter, path: path) {
        case .success(let c): return PreflightCapture(path: path, capture: c, error: nil)
        case .failure(let why): return PreflightCapture(path: path, capture: nil, error: "capture not permitted or not possible: \(why)")
        }
    }

    static func interface(_ options: PreflightOptions) -> String {
        let hop = options.proxy?.host ?? options.target.host
        var addresses = [SocketAddress(address: hop, port: 0) != nil ? hop : options.resolve[hop.lowercased()]]
        if let dns = options.dnsServer { addresses.append(dns.host) }
        let loopback = addresses.allSatisfy { a in a.flatMap { SocketAddress(address: $0, port: 0) }?.isLoopback ?? false }
        return loopback ? "lo" : "any"
    }

    /// Stops recording and analyzes the file.
    func finish(rules: RuleSet?, options: PreflightOptions) -> PreflightResult.CaptureComparison {
        guard let capture else {
            return .init(path: path, frames: 0, ladders: [], failedStage: nil, agrees: false, findings: [], error: error)
        }
        capture.stop()
        let analysis = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(extraTrustAnchorsPEM: options.extraAnchorsPEM))
        let host = options.target.host.lowercased()
        let attempt = analysis.ladders.last { $0.targetHost.lowercased() == host || $0.endpoint == options.target.endpoint }
            ?? analysis.ladders.last
        let evidence = RuleEvidence(events: analysis.events, present: [.capture])
        let findings = rules?.evaluate(evidence).findings.map(\.id) ?? []
        return .init(
            path: path, frames: analysis.framesRead, ladders: analysis.ladders.map(\.ladderText),
            failedStage: attempt?.failedStage, agrees: false, findings: findings,
            error: analysis.errors.first.map { "capture partly unreadable: \($0)" })
    }
}
