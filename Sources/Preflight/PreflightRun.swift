import Foundation
import LicensingModel
import PacketIngest
import Rules

/// Runs a pre-flight: the probe, then the same ladder event, rules and runway as an offline analysis.
public enum PreflightRun {
    /// Extra inputs besides the probe itself.
    public struct Context: Sendable {
        /// The rules to run (the shipped `rules/` or `--rules DIR`); nil runs none.
        public var rules: RuleSet?
        /// Events of `show license …` outputs (`--status`), one group per output.
        public var statusGroups: [[Event]]
        /// Write the pre-flight's own packets here (`--capture`) and analyze them.
        public var capturePath: String?

        /// Creates a context.
        public init(rules: RuleSet?, statusGroups: [[Event]] = [], capturePath: String? = nil) {
            self.rules = rules
            self.statusGroups = statusGroups
            self.capturePath = capturePath
        }
    }

    /// Runs every stage (each within `options.timeoutSeconds`) and judges the result.
    public static func run(_ options: PreflightOptions, context: Context) -> PreflightResult {
        let startedAt = options.now()
        let recorder = context.capturePath.map { PreflightCapture.start(options: options, path: $0) }
        let probe = PreflightProbe(options: options)
        probe.run()
        let capture = recorder.map { $0.finish(rules: context.rules, options: options) }

        let log = probe.log
        let proxy = options.proxy.map { "\($0.host):\($0.port)" }
        let ladder = ConnectionLadder(
            endpoint: Redaction.redact(options.target.endpoint), targetHost: options.target.host,
            targetPort: options.target.port, viaProxy: proxy != nil, proxy: proxy, stages: log.ladder,
            failure: log.failure, frames: [], time: startedAt)
        var events = transportEvents(options, at: startedAt) + log.events
        events.append(LiveWire.connectivityEvent(
            ladder, source: SourcePointer(path: "preflight", location: .file), time: ProbeLog.time(startedAt)))
        let statusEvents = context.statusGroups.flatMap { $0 }
        var present: Set<EvidenceKind> = [.capture]
        if !statusEvents.isEmpty { present.insert(.cli) }
        let evidence = RuleEvidence(events: (statusEvents + events).sorted(by: Event.timelineOrder), present: present)
        let findings = context.rules?.evaluate(evidence).findings ?? []
        var result = PreflightResult(
            target: Redaction.redact(options.target.url), proxy: proxy, stages: log.stages, ladder: ladder,
            events: events, findings: findings, caveats: [], runway: PreflightRunway.lines(context.statusGroups),
            capture: capture, startedAt: startedAt)
        result.caveats = PreflightCaveats.caveats(options, result: result, rules: context.rules)
        if var c = result.capture, c.error == nil {
            let liveFailed = ladder.failedStage
            c.agrees = c.failedStage == liveFailed
            result.capture = c
        }
        return result
    }

    /// The transport under test, as the product would be configured (`transport.configured`).
    private static func transportEvents(_ options: PreflightOptions, at time: Date) -> [Event] {
        var fields: [String: FieldValue] = ["url": .string(Redaction.redact(options.target.url))]
        if let p = options.proxy {
            fields["mode"] = "proxy"
            fields["proxy_host"] = .string(p.host)
            fields["proxy_port"] = .int(p.port)
            fields["proxy_auth"] = .bool(p.user != nil)
        } else {
            fields["mode"] = LicensingHosts.isCSSM(options.target.host) ? "direct" : "satellite"
        }
        return [Event(
            kind: .transportConfigured, time: ProbeLog.time(time), source: SourcePointer(path: "preflight:options", location: .file),
            fields: fields, excerpt: "licscope preflight options")]
    }
}
