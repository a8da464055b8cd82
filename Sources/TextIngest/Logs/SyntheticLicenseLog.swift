import Foundation

/// A deterministic, License-Manager-like log for the benchmark: log4j-style lines from the nesla agent and the
/// Call Home client, DEBUG noise mixed with catalog events (entitlement requests, authorization sends,
/// communication failures with Java exceptions, licensing responses, transport URLs) in a fixed share of the lines.
/// The same size and shape always yield the same bytes.
public enum SyntheticLicenseLog {
    /// How many of the lines are licensing events.
    public enum Shape: String, Sendable, CaseIterable {
        /// A third of the lines: a busy publisher at debug level, renewing and failing all day.
        case dense
        /// One line in a hundred: a quiet trace.
        case sparse
        /// As dense, but the values in the licensing lines (entitlement tag ids, hostnames, URLs, status codes)
        /// change from one event to the next, as ids, serials and hostnames do in a real trace: no two messages
        /// repeat, so nothing the scan remembers about a message is reused.
        case varied

        /// The share of lines that are events, as numerator / denominator.
        var eventShare: (Int, Int) { self == .sparse ? (1, 100) : (1, 3) }
        /// The event blocks written in turn.
        var blocks: [[String]] {
            switch self {
            case .dense: return SyntheticLicenseLog.denseEvents
            case .sparse: return SyntheticLicenseLog.events
            case .varied: return SyntheticLicenseLog.variedEvents
            }
        }
    }

    /// What was written.
    public struct Summary: Hashable, Sendable {
        /// Bytes written.
        public var bytes: Int
        /// Lines written.
        public var lines: Int
        /// Lines that the shipped catalog turns into events.
        public var eventLines: Int
        /// Lines that contain ``grepAnchor``.
        public var anchorLines: Int
    }

    /// The literal the benchmark's `grep -c` baseline searches for (it occurs on the communication failures).
    public static let grepAnchor = "Fail to send out Call Home HTTP message"


    private static let noise: [String] = [
        "DEBUG [SLM-12] com.cisco.nesla.plugin.DefaultCrypto#parseCertificate - getSubjectDN().getName: CN=Cisco Unified Communications Manager,O=Cisco serial=",
        "DEBUG [SLM-12] com.callhome.module.message_processor.BaseMessage#processResponseMessage - Process response message id=",
        "INFO  [SLM-11] com.callhome.module.data.statistics.StatisticsMgr#updateSLStatistics - update Smart Lincense Statistics Data seq=",
        "DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#run - polling request queue, pending messages: ",
        "DEBUG [SLM-12] com.callhome.module.message_processor.BaseMessage#makeAmlBlockAttachment - create attachment for smart_licensing_data with type inline, size=",
        "DEBUG [SLM-11] com.cisco.nesla.agent.impl.UsageTracker#report - entitlement usage unchanged for UCM_Enhanced, count=",
        "INFO  [SLM-12] com.cisco.ucm.slm.scheduler.Heartbeat#beat - license manager heartbeat, uptime seconds=",
        "DEBUG [SLM-11] com.cisco.ucm.slm.common.SmartLicenseUtility#isEnabled - smart licensing enabled status: 1, check=",
    ]

    private static let events: [[String]] = [
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: unable to find valid certification path to requested target",
         "\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:192)"],
        ["ERROR [SLM-12] com.cisco.ucm.slm.rpc.SlmRpcHandler#fetch - LicenseResponse status code: FAILED, message: Product Instance is not consuming this tag :"],
        ["DEBUG [SLM-12] com.cisco.nesla.plugin.EmbeddedGCHCommunication#sendSCHMessage - in sendMessage(), resetProfileHttpAddr to: https://tools.cisco.com/its/service/oddce/services/DDCEService"],
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "java.net.UnknownHostException: tools.cisco.com: Name or service not known"],
    ]

    /// The dense shape's events: mostly the periodic entitlement requests and authorization sends of a busy
    /// publisher, with the failures of ``events`` among them.
    private static let denseEvents: [[String]] = [
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Enhanced,12.0_8e8c3c5c-1c5c-4b07-a6f2-2f3c8b3a1d11"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Basic,12.0_0f3b6c1e-9d0e-4b55-8a51-4a3c2b1f0e22"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true"],
    ] + events

    /// The varied shape's events: those of the dense shape with `{n}` replaced by a number that changes with each
    /// event (in decimal or hex, so ids, ports and hostnames differ in length too).
    private static let variedEvents: [[String]] = [
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Enhanced,12.0_8e8c{x}-1c5c-4b07-a6f2-2f3c8b3a1d11"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true"],
        ["ERROR [SLM-12] com.cisco.ucm.slm.rpc.SlmRpcHandler#fetch - LicenseResponse status code: FAILED, message: Product Instance {n} is not consuming this tag :"],
        ["DEBUG [SLM-12] com.cisco.nesla.plugin.EmbeddedGCHCommunication#sendSCHMessage - in sendMessage(), resetProfileHttpAddr to: https://satellite-{x}.example.com:{n}/its/service/oddce/services/DDCEService"],
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "java.net.UnknownHostException: sat{n}.example.com: Name or service not known"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Basic,12.0_{x}-9d0e-4b55-8a51-4a3c2b1f0e22"],
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: unable to find valid certification path to requested target serial {x}",
         "\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:{n})"],
    ]

    /// `text` with `{n}` and `{x}` replaced by `value` in decimal and in hex.
    private static func vary(_ text: String, value: Int) -> String {
        guard text.contains("{") else { return text }
        return text.replacingOccurrences(of: "{n}", with: String(value))
            .replacingOccurrences(of: "{x}", with: String(value &* 2_654_435_761 & 0xFFFF_FFFF, radix: 16))
    }

    /// Writes at least `minimumBytes` to `path` (whole lines) in the given shape, replacing the file.
    /// - Throws: when the file cannot be created or written.
    public static func write(to path: String, minimumBytes: Int, shape: Shape = .sparse) throws -> Summary {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var summary = Summary(bytes: 0, lines: 0, eventLines: 0, anchorLines: 0)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4 << 20)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var seconds = 0
        var block = 0
        while summary.bytes + buffer.count < minimumBytes {
            summary.lines += 1
            if summary.lines % 4 == 0 { seconds += 1 }
            let (num, den) = shape.eventShare
            if summary.eventLines * den < (summary.lines - 1) * num {
                let lines = shape.blocks[block % shape.blocks.count]
                block += 1
                for (i, text) in lines.enumerated() {
                    if i == 0 { appendStamp(&buffer, seconds: seconds, millis: summary.lines % 1000) }
                    buffer += (shape == .varied ? vary(text, value: block) : text).utf8
                    buffer.append(0x0A)
                    if text.contains(grepAnchor) { summary.anchorLines += 1 }
                }
                summary.eventLines += lines.count
                summary.lines += lines.count - 1
            } else {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let n = Int(truncatingIfNeeded: state >> 33)
                appendStamp(&buffer, seconds: seconds, millis: n % 1000)
                buffer += noise[n % noise.count].utf8
                buffer += String(n % 1_000_000).utf8
                buffer.append(0x0A)
            }
            if buffer.count >= 4 << 20 {
                try handle.write(contentsOf: buffer)
                summary.bytes += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        summary.bytes += buffer.count
        return summary
    }

    /// `2018-01-26 15:11:23,456 ` for `seconds` after 2018-01-26 00:00:00.
    private static func appendStamp(_ out: inout [UInt8], seconds: Int, millis: Int) {
        let day = 26 + seconds / 86_400 % 3
        let s = seconds % 86_400
        func two(_ v: Int) { out.append(UInt8(48 + v / 10 % 10)); out.append(UInt8(48 + v % 10)) }
        out += "2018-01-".utf8
        two(day)
        out.append(0x20)
        two(s / 3600)
        out.append(0x3A)
        two(s / 60 % 60)
        out.append(0x3A)
        two(s % 60)
        out.append(0x2C)
        out.append(UInt8(48 + millis / 100 % 10))
        two(millis % 100)
        out.append(0x20)
    }
}
