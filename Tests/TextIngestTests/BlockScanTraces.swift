import Foundation

/// Generated logs for the block-scan tests: each crosses something a single pass carries from line to line.
enum BlockScanTraces {
    private static let noise = [
        "DEBUG [SLM-12] com.cisco.nesla.plugin.DefaultCrypto#parseCertificate - getSubjectDN().getName: CN=Cisco Unified Communications Manager,O=Cisco serial=",
        "INFO  [SLM-11] com.callhome.module.data.statistics.StatisticsMgr#updateSLStatistics - update Smart Lincense Statistics Data seq=",
    ]
    private static let events: [[String]] = [
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Enhanced,12.0_8e8c3c5c-1c5c-4b07-a6f2-2f3c8b3a1d11"],
        ["DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true"],
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: unable to find valid certification path to requested target",
         "\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:192)",
         "\tat sun.security.ssl.SSLSocketImpl.fatal(SSLSocketImpl.java:1959)"],
        ["ERROR [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyAuthRenewFail: Communication message send error"],
        ["ERROR [SmartAgentScheduler-1] com.cisco.nesla.agent.impl.SmartAgentImpl - Communication failure: Fail to send out Call Home HTTP message.",
         "java.net.UnknownHostException: tools.cisco.com: Name or service not known"],
    ]

    /// A dense log4j trace of zone-less stamps over the night clocks go back in Chicago (2026-11-01: 01:00–02:00
    /// CDT, then 01:00–02:00 CST): a third of the lines are events, failures carry Java exceptions.
    static func chicagoAutumn(lines count: Int = 4_800) -> [UInt8] {
        var out: [UInt8] = []
        var n = 0
        var event = 0
        while n < count {
            // First 00:40 → 02:00 CDT, then 01:00 → 02:20 CST, two seconds a line.
            let half = count / 2
            let seconds = n < half ? 2_400 + n * 4_800 / half : 3_600 + (n - half) * 4_800 / half
            let stamp = String(
                format: "2026-11-01 %02d:%02d:%02d,%03d ", seconds / 3600, seconds / 60 % 60, seconds % 60, n % 1000)
            if n % 3 == 0 {
                for (i, text) in events[event % events.count].enumerated() {
                    out += ((i == 0 ? stamp : "") + text + "\n").utf8
                    n += 1
                }
                event += 1
            } else {
                out += (stamp + noise[n % noise.count] + String(n) + "\n").utf8
                n += 1
            }
        }
        return out
    }

    /// Yearless syslog (RTMT alerts and noise) across new year, a dated log4j line after a while: the first lines
    /// wait for the end of the file for their year, the later ones take it from the dated line.
    static func yearlessNewYear(lines count: Int = 1_500) -> [UInt8] {
        let months = ["Dec", "Jan"]
        var out: [UInt8] = []
        for n in 0..<count {
            let minute = n * 3
            let day = minute / 1440
            let stamp = String(
                format: "%@ %2d %02d:%02d:%02d", months[min(day, 1)], day == 0 ? 31 : day, minute / 60 % 24, minute % 60,
                n % 60)
            if n == count / 3 {
                out += "2027-01-01 \(String(format: "%02d:%02d", minute / 60 % 24, minute % 60)):00,000 INFO  [SLM-1] com.cisco.slm.Boot - started\n".utf8
            } else if n % 4 == 0 {
                out += "\(stamp) aalto-cucm-pub local7 2 : \(n): aalto-cucm-pub: %UC_RTMT-2-RTMT_ALERT: %[AlertName=SmartLicenseCommunicationError][AlertDetail= Smart Licensing communication error with CSSM ][AppID=Cisco AMC Service][ClusterID=][NodeID=aalto-cucm-pub]: RTMT Alert\n".utf8
            } else {
                out += "\(stamp) aalto-cucm-pub local7 6 : \(n): aalto-cucm-pub: %UC_CALLMANAGER-6-DeviceRegistered: %[DeviceName=SEP00\(n)][IPAddress=192.0.2.1]: Device registered\n".utf8
            }
        }
        return out
    }

    /// `text` with damage: every 40th line gets an invalid UTF-8 byte, every 97th a NUL, one event line is made
    /// longer than ``LogScanner/maxMatchBytes``.
    static func damaged(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var line = 0
        var grown = false
        for byte in text {
            if byte == 0x0A {
                line += 1
                if line % 40 == 0 { out.append(0xFF) }
                if line % 97 == 0 { out.append(0x00) }
                if !grown, line > 700, out.suffix(30).contains(0x2E) {
                    out += [UInt8](repeating: 0x61, count: 70_000)
                    grown = true
                }
            }
            out.append(byte)
        }
        return out
    }

    /// `text` with CRLF line breaks.
    static func crlf(_ text: [UInt8]) -> [UInt8] {
        text.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }
}
