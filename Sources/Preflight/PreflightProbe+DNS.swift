import Foundation
import LicensingModel
import PacketIngest

extension PreflightProbe {
    /// The DNS stage: `--resolve`, a numeric address, the given DNS server, or the system resolver (bounded).
    func resolve() -> SocketAddress? {
        let watch = Stopwatch()
        let (name, port) = firstHop
        let role = options.proxy == nil ? "" : "proxy "
        if let fixed = options.resolve[name.lowercased()], let a = SocketAddress(address: fixed, port: port) {
            log.stage("dns", ok: true, detail: "--resolve", summary: "\(role)\(name) mapped to \(fixed) by --resolve", watch: watch)
            return a
        }
        if let a = SocketAddress(address: name, port: port) {
            log.stage("dns", ok: true, detail: "address", summary: "\(role)\(name) is an address; no lookup", watch: watch)
            return a
        }
        if let server = options.dnsServer {
            return askServer(name: name, port: port, server: server, watch: watch)
        }
        switch SystemResolver.shared.lookup(name, seconds: stageSeconds) {
        case .addresses(let list):
            guard let first = list.first, let a = SocketAddress(address: first, port: port) else {
                dnsFailure(name: name, reason: "NODATA", server: "system resolver", watch: watch,
                           summary: "system resolver returned no address for \(role)\(name)")
                return nil
            }
            log.event(.dnsAnswer, stage: "dns", [
                "query": .string(name), "qtype": "A", "rcode": .int(0), "rcode_name": "NOERROR",
                "answers": .list(list.map { .string($0) }), "server": "system resolver",
            ])
            log.stage("dns", ok: true, detail: nil, summary: "system resolver: \(role)\(name) → \(list.joined(separator: ", "))", watch: watch)
            return a
        case .failed(let text, let noName):
            let reason = noName ? "NXDOMAIN" : "error"
            dnsFailure(name: name, reason: reason, server: "system resolver", watch: watch,
                       summary: "system resolver cannot resolve \(role)\(name): \(text)")
        case .timeout:
            dnsFailure(name: name, reason: "timeout", server: "system resolver", watch: watch,
                       summary: "system resolver gave no answer for \(role)\(name) within \(seconds(stageSeconds))")
        case .backlog(let earlier):
            dnsFailure(name: name, reason: "timeout", server: "system resolver", watch: watch,
                       summary: "system resolver not asked for \(role)\(name): \(ResolverComparison.backlogText(earlier))")
        }
        return nil
    }

    func dnsFailure(
        name: String, reason: String, server: String, watch: Stopwatch, summary: String, extra: [String: FieldValue] = [:]
    ) {
        log.event(.dnsFailure, stage: "dns", [
            "query": .string(name.lowercased()), "qtype": "A", "reason": .string(reason), "server": .string(server),
        ].merging(extra) { $1 })
        log.stage("dns", ok: false, detail: reason, summary: summary, watch: watch)
    }

    /// `5 s`, `0.5 s`.
    func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
