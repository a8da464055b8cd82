import Foundation
import LicensingModel
@testable import Reports
@testable import Rules
@testable import StateEngine
@testable import Timeline

/// A realistic analysis, built by hand so the goldens do not move when a parser or the engine changes:
/// CUCM registered and authorized on 2018-01-26, moved to a proxy on port 443 in February, every renewal failed,
/// authorization expired on 2018-04-26, the overage ended on 2018-07-25, and the bundle was collected on
/// 2018-08-02 with one truncated capture and one binary file.
enum SampleReport {
    static let slm = "bundle.zip!cm/trace/slm/log4j/slm.log"
    static let cli = "bundle.zip!show-license-all.txt"
    static let pcap = "bundle.zip!capture/packets.pcap"

    /// `2018-MM-DDTHH:MM:SSZ` as an instant.
    static func utc(_ month: Int, _ day: Int, _ h: Int, _ m: Int, _ s: Int, year: Int = 2018) -> Date {
        LicensingCalendar.instant(year: year, month: month, day: day, hour: h, minute: m, second: s, offsetSeconds: 0)
            ?? Date(timeIntervalSince1970: 0)
    }

    static let registered = utc(1, 26, 9, 41, 23)
    static let authorized = utc(1, 26, 9, 42, 59)
    static let proxyConfigured = utc(2, 20, 6, 30, 0)
    static let authExpired = utc(4, 26, 9, 36, 59)
    static let overageEnded = utc(7, 25, 9, 36, 59)
    static let collected = utc(8, 2, 10, 15, 0)
    static let registrationExpiry = utc(1, 26, 9, 36, 21, year: 2019)

    static func transition(
        _ d: StateDimension, _ from: String, _ to: String, at: Date, cause: String, timer: Bool = false,
        evidence: [SourcePointer]
    ) -> AnalysisReport.TransitionRow {
        AnalysisReport.TransitionRow(
            Transition(dimension: d, from: from, to: to, at: at, cause: cause, byTimer: timer, evidence: evidence)!)
    }

    static let transitions: [AnalysisReport.TransitionRow] = [
        transition(.registration, "UNREGISTERED", "REGISTERED", at: registered, cause: "registration.succeeded",
            evidence: [.line(slm, 118), .line(cli, 12)]),
        transition(.authorization, "NO LICENSES IN USE", "AUTHORIZED", at: authorized,
            cause: "authorization.renew.succeeded", evidence: [.line(slm, 131)]),
        transition(.transport, "direct", "proxy", at: proxyConfigured, cause: "transport.configured",
            evidence: [.line(slm, 2207)]),
        transition(.authorization, "AUTHORIZED", "AUTHORIZATION EXPIRED", at: authExpired,
            cause: TimerKind.authorizationExpiry.causeText, timer: true, evidence: [.line(slm, 131)]),
        transition(.enforcement, "NONE", "OVERAGE", at: authExpired, cause: "authorization expired",
            timer: true, evidence: [.line(slm, 131)]),
        transition(.enforcement, "OVERAGE", "NO PROVISIONING", at: overageEnded, cause: TimerKind.overageEnd.causeText,
            timer: true, evidence: [.line(slm, 131)]),
    ]

    static func intervals() -> [StateInterval] {
        var out: [StateInterval] = []
        for d in StateDimension.allCases {
            let rows = transitions.filter { $0.dimension == d }
            var start: Date? = registered
            var value = rows.first?.from ?? (d == .enforcement ? "NONE" : "direct")
            var cause = "initial state assumed before the first evidence"
            var evidence: [SourcePointer] = []
            for t in rows {
                if start.map({ $0 < t.at }) ?? true {
                    out.append(StateInterval(dimension: d, value: value, start: start, end: t.at, cause: cause, evidence: evidence)!)
                }
                (start, value, cause, evidence) = (t.at, t.to, t.cause, t.evidence)
            }
            out.append(StateInterval(dimension: d, value: value, start: start, end: nil, cause: cause, evidence: evidence)!)
        }
        return out
    }

    static func proxyFinding() -> Finding {
        let evidence = [
            FindingEvidence(label: "transport.configured", source: .line(slm, 2207), time: proxyConfigured,
                excerpt: "2018-02-20 12:00:00,114 INFO  [CallHome] transport proxy proxy.corp.example port 443"),
            FindingEvidence(label: "communication.failed", source: .line(slm, 2240), time: utc(2, 25, 9, 43, 1),
                excerpt: "2018-02-25 15:13:01,902 ERROR [CallHome] Communication message send error (ERR 207 : Connection time out)"),
            FindingEvidence(label: "proxy.connect", source: .frame(pcap, 7), time: utc(7, 30, 8, 2, 10), excerpt: nil),
            FindingEvidence(label: "registration.failed", source: .line(slm, 4410), time: utc(7, 30, 8, 2, 11),
                excerpt: "2018-07-30 13:32:11,006 ERROR [Registration] license smart register idtoken NmE4YzQ3ZDktZjAx failed: Communication message send error"),
        ]
        return Finding(
            id: "CSCvc94366", rev: 1, kind: .bug, title: "Smart License registration does not accept proxy port 443",
            severity: .high, confidence: .medium,
            confidenceNote: "Only the bug headline is public; the match needs the proxy transport on port 443 and failing communication.",
            verdict: "The product is configured to use an HTTP proxy on port 443 and its communication with Cisco fails — CUCM registration does not accept proxy port 443 (CSCvc94366).",
            explain: "With `license smart transport proxy <host> 443`, registration to Cisco does not go through.",
            remediation: "Configure the proxy on another port that it listens on (for example 80, 8080 or 3128), then `license smart renew auth`.",
            references: ["CSCvc94366", "https://www.cisco.com/c/en/us/support/docs/unified-communications/unified-communications-manager-callmanager/212915-configure-cucm-smart-licensing-direct.html"],
            facts: ["Bug headline (TAC-212915): \"CUCM smart license registration to Cisco License Central does not accept the proxy port 443.\""],
            inferences: ["Using another proxy port is the workaround."], affectedVersions: [], fixedVersions: [],
            matchedSelections: ["proxy_443_configured", "communication_failing", "proxy_443_connect_failed"],
            evidence: evidence, evidenceOmitted: 17, firstEvidence: proxyConfigured, lastEvidence: utc(7, 30, 8, 2, 11),
            missingCorroboration: [], collect: [])
    }

    static func provisioningFinding() -> Finding {
        let evidence = [
            FindingEvidence(label: "enforcement: NO PROVISIONING", source: .line(slm, 131), time: overageEnded, excerpt: nil),
            FindingEvidence(label: "alert.raised", source: .line("bundle.zip!AlertHistory.csv", 3), time: utc(7, 25, 9, 40, 0),
                excerpt: "07/25/2018 15:10:00,SmartLicenseNoProvision_AuthorizationExpired,Critical"),
        ]
        return Finding(
            id: "no-provisioning", rev: 2, kind: .diagnostic, title: "Overage ended — users and devices cannot be provisioned",
            severity: .critical, confidence: .high, confidenceNote: nil,
            verdict: "CUCM enforces non-compliance — the 90-day overage (or the evaluation) ended and provisioning is blocked.",
            explain: "After 90 days out of compliance or with authorization expired, CUCM stops the provisioning of users and devices.",
            remediation: "Resolve the underlying compliance, authorization or registration problem, then `license smart renew auth`.",
            references: ["CUCM 15 FCG licensing chapter"], facts: ["CUCM 15 FCG: non-compliance is enforced \"after a 90-day overage period\"."],
            inferences: [], affectedVersions: [], fixedVersions: [], matchedSelections: ["state_no_provisioning", "alert"],
            evidence: evidence, evidenceOmitted: 0, firstEvidence: overageEnded, lastEvidence: utc(7, 25, 9, 40, 0),
            missingCorroboration: [.capture], collect: [EvidenceKind.capture.collectHint])
    }

    static func snapshot() -> SnapshotCheck {
        let printedExpiry = EventTime(instant: registrationExpiry, raw: "Jan 26 15:06:21 2019 IST", utcOffsetSeconds: 19_800, zoneLabel: "IST")
        let printedDeadline = EventTime(instant: authExpired, raw: "Apr 26 15:06:59 2018 IST", utcOffsetSeconds: 19_800, zoneLabel: "IST")
        return SnapshotCheck(
            source: .line(cli, 1), observedAt: collected,
            stateComparisons: [
                StateComparison(dimension: .registration, printed: "REGISTERED", replayed: "REGISTERED")!,
                StateComparison(dimension: .authorization, printed: "AUTHORIZATION EXPIRED", replayed: "AUTHORIZATION EXPIRED")!,
            ],
            timers: [
                TimerComparison(name: "registration_expires", label: "Registration Expires", printed: printedExpiry,
                    derived: registrationExpiry + 302, basis: "last successful registration 2018-01-26T09:41:23Z + 1 year",
                    verdict: .agree, differenceSeconds: -302, toleranceSeconds: 900, source: .line(cli, 14)),
                TimerComparison(name: "communication_deadline", label: "Communication Deadline", printed: printedDeadline,
                    derived: authExpired + 360, basis: "last successful authorization 2018-01-26T09:42:59Z + 90 days",
                    verdict: .agree, differenceSeconds: -360, toleranceSeconds: 900, source: .line(cli, 22)),
            ])
    }

    /// The report every golden is rendered from.
    static func make() -> AnalysisReport {
        let skewPairs: [[SourcePointer]] = [[.line(slm, 4410), .frame(pcap, 5)], [.line(slm, 4433), .frame(pcap, 19)]]
        var report = AnalysisReport(
            tool: .init(name: "licscope", version: "0.1.0"), inputs: ["bundle.zip"],
            verdict: .init(
                summary: "Provisioning is blocked: authorization expired on 2018-04-26 and the 90-day overage ended on 2018-07-25. The cause: communication through the proxy on port 443 fails (CSCvc94366).",
                worstSeverity: .critical, exitCode: 4, partlyUnreadable: true),
            findings: [provisioningFinding(), proxyFinding()],
            notEvaluated: [NotEvaluated(id: "CSCvf86710", title: "Cisco Smart License Manager service does not run on the publisher",
                severity: .critical, missing: [.serviceList], collect: [EvidenceKind.serviceList.collectHint])],
            states: intervals(), transitions: transitions,
            deadlines: [Deadline(name: "registration_expiry", due: registrationExpiry,
                basis: "registration expiry printed by the product", consequence: "REGISTRATION EXPIRED", evidence: [.line(cli, 14)])],
            runway: [transition(.registration, "REGISTERED", "REGISTRATION EXPIRED", at: registrationExpiry,
                cause: TimerKind.registrationExpiry.causeText, timer: true, evidence: [.line(cli, 14)])],
            anomalies: [EngineAnomaly(name: "expected_activity_missing",
                detail: "no authorization renewal attempt around 2018-03-27T09:42:59Z (30 days after the last one), although the License Manager traces cover that time",
                at: utc(3, 27, 9, 42, 59), evidence: [.line(slm, 131)], expectedAt: utc(3, 27, 9, 42, 59))],
            history: ["registration": "UR", "authorization": "NAx", "enforcement": "-VP", "transport": "dp"],
            snapshots: [snapshot()],
            skew: SkewEstimate(offsetSeconds: 47, matchedPairs: 2, logAttempts: 3, captureAttempts: 2, pairs: skewPairs,
                interpretation: ClockSkew.interpret(47), clockErrorSeconds: 47),
            inventory: [
                .init(path: slm, parsedAs: "license_manager_log", status: .parsed, bytes: 612_004, lines: 5_231, events: 42, reader: "log4j"),
                .init(path: cli, parsedAs: "cli", status: .parsed, bytes: 2_840, lines: 64, events: 9, reader: "show license all"),
                .init(path: "bundle.zip!AlertHistory.csv", parsedAs: "rtmt_alert", status: .parsed, bytes: 410, lines: 4, events: 1),
                .init(path: pcap, parsedAs: "pcap", status: .partlyUnreadable,
                    reason: "truncated record at offset 1048576 (frame 1201): the capture ends inside a packet",
                    bytes: 1_048_600, frames: 1_200, events: 14, reader: "libpcap"),
                .init(path: "bundle.zip!core.1234", parsedAs: "binary", status: .skipped,
                    reason: "binary data, not a known evidence format", bytes: 65_536),
            ],
            assumptions: [
                "zone IST taken as +05:30 (India); also used for Israel and Ireland",
                "shifted +47s onto the capture clock (clock skew estimate)",
            ],
            evidenceStart: registered, evidenceEnd: collected, eventCount: 66)
        report.timeZones = [
            SourceZone(
                path: slm, zone: "Asia/Kolkata",
                reason: "bundle.zip!show-license-all.txt prints times in IST, taken as Asia/Kolkata (IST is also Israel and Ireland; override with --tz Asia/Jerusalem or --tz Europe/Dublin)",
                check: "a capture confirms it (2 attempts matched on the wire; clock error +47s)"),
            SourceZone(
                path: "bundle.zip!syslog/CiscoSyslog", zone: "UTC", reason: "no zone evidence in the bundle",
                warning: "bundle.zip!syslog/CiscoSyslog prints no zone and the bundle names none: read as UTC; say the node's zone with --tz"),
        ]
        return report
    }
}

extension SampleReport {
    static func time(_ d: Date, assumptions: [String] = []) -> EventTime {
        EventTime(instant: d, raw: d.iso8601UTC, assumptions: assumptions)
    }

    /// A few timeline events of every flavor: text, capture, engine transition and anomaly, and one untimed.
    static func events() -> [Event] {
        let shifted = ["shifted +47s onto the capture clock (clock skew estimate)"]
        return [
            Event(kind: .registrationSucceeded, time: time(registered), source: .line(slm, 118),
                excerpt: "2018-01-26 15:11:23,410 INFO  [Registration] Registration succeeded"),
            Event(kind: .authorizationRenewSucceeded, time: time(authorized), source: .line(slm, 131),
                excerpt: "2018-01-26 15:12:59,077 INFO  [Authorization] Authorization renewal succeeded"),
            Event(kind: .transportConfigured, time: time(proxyConfigured, assumptions: shifted), source: .line(slm, 2207),
                fields: ["mode": "proxy", "proxy_host": "proxy.corp.example", "proxy_port": 443]),
            Event(kind: .stateTransition, time: time(authExpired), source: .line(slm, 131),
                fields: ["dimension": "authorization", "from": "AUTHORIZED", "to": "AUTHORIZATION EXPIRED",
                    "cause": .string(TimerKind.authorizationExpiry.causeText)]),
            Event(kind: .engineAnomaly, time: time(utc(3, 27, 9, 42, 59)), source: .line(slm, 131),
                fields: ["anomaly": "expected_activity_missing", "detail": "no authorization renewal attempt around 2018-03-27T09:42:59Z"]),
            Event(kind: .registrationFailed, time: time(utc(7, 30, 8, 2, 11), assumptions: shifted), source: .line(slm, 4410),
                fields: ["reason": "Communication message send error"],
                excerpt: "2018-07-30 13:32:11,006 ERROR [Registration] license smart register idtoken NmE4YzQ3ZDktZjAx failed"),
            Event(kind: .connectivityAttempt, time: time(utc(7, 30, 8, 2, 10)), source: .frame(pcap, 5),
                fields: ["endpoint": "tools.cisco.com", "outcome": "failed", "failed_stage": "proxy"]),
            Event(kind: .serviceStatus, time: nil, source: .line("bundle.zip!service-list.txt", 7),
                fields: ["service": "Cisco Smart License Manager", "status": "STARTED"]),
        ]
    }
}
