import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// One fixture per format: the events, their fields and `path:line`, and the near misses that must stay silent.
@Suite struct LogFormatTests {
    @Test func cuslmsvrTraceFromTAC217535() throws {
        let r = TestSupport.ingest(fixture: "cuslmsvr-trace.log")
        #expect(r.format == "cuslmsvr-trace")
        #expect(r.evidenceKinds.contains(.licenseManagerLog))
        #expect(r.linesRead == 14 && r.damage.isEmpty)
        let response = try #require(r.events(.licensingResponse).first)
        #expect(response.source.description == "cuslmsvr-trace.log:8")
        #expect(response[text: "status"] == "FAILED")
        #expect(response[text: "reason"] == "Product Instance is not consuming this tag")
        #expect(response.time?.instant.iso8601UTC == "2020-08-18T19:19:04Z")
        #expect(response.time?.assumptions.contains { $0.contains("no zone printed") } == true)
        #expect(r.events(.transportConfigured).map(\.source.description) == ["cuslmsvr-trace.log:3", "cuslmsvr-trace.log:4", "cuslmsvr-trace.log:5"])
        #expect(r.events(.entitlementRequested).first?[text: "tag"]?.hasPrefix("regid.2017-04.com.cisco.CUC_SpeechView") == true)
        #expect(r.events(.authorizationRequested).count == 1)
        // The STT line names SmartLicenseUtility: a near miss for the RTMT alert names.
        #expect(r.events(.alertRaised).isEmpty)
        // The continuation line (time only) takes its date from the header line before it.
        let x = try #require(r.events(.exceptionRaised).first)
        #expect(x.source.description == "cuslmsvr-trace.log:13")
        #expect(x.time?.instant.iso8601UTC == "2020-08-18T19:20:10Z")
        #expect(x[text: "thread"] == "SLM-12")
        #expect(x[text: "cause"] == "tls")
        let failed = try #require(r.events(.communicationFailed).first)
        #expect(failed[text: "cause"] == "tls")
        #expect(r.firstTime?.iso8601UTC == "2020-08-18T19:10:22Z")
        #expect(r.lastTime?.iso8601UTC == "2020-08-18T19:20:10Z")
    }

    @Test func log4jTraceWithMultiLineExceptionsSetsCauses() throws {
        let r = TestSupport.ingest(fixture: "slm-log4j.log")
        #expect(r.format == "log4j")
        let failures = r.events(.communicationFailed)
        #expect(failures.map { $0[text: "cause"] ?? "-" } == ["proxy_auth", "dns", "tcp", "timeout"])
        #expect(failures.map(\.source.description) == ["slm-log4j.log:4", "slm-log4j.log:9", "slm-log4j.log:12", "slm-log4j.log:15"])
        let exceptions = r.events(.exceptionRaised)
        #expect(exceptions.map { $0[text: "exception"] ?? "-" } == ["java.io.IOException", "java.net.UnknownHostException", "java.net.ConnectException", "java.net.SocketTimeoutException"])
        // An exception line has no stamp: it takes the time and thread of the line it follows.
        #expect(exceptions[0].time?.instant.iso8601UTC == "2018-01-26T15:11:06Z")
        #expect(exceptions[0].time?.assumptions.contains { $0.contains("time taken from the entry this line belongs to") } == true)
        #expect(exceptions[2][text: "thread"] == "SmartAgentScheduler-2")
        let proxy = try #require(r.events(.transportConfigured).first)
        #expect(proxy.fields["proxy_port"] == .int(443))
        #expect(proxy[text: "mode"] == "proxy" && proxy[text: "proxy_host"] == "proxy.example.com")
        #expect(r.events(.registrationRequested).first?.fields["force"] == .bool(true))
        // "will retry on SSLHandshakeException" is a near miss (no qualified class name).
        #expect(r.events.allSatisfy { $0.source.description != "slm-log4j.log:17" })
    }

    @Test func iosSyslogVariants() throws {
        let r = TestSupport.ingest(fixture: "smart-lic-syslog.log")
        #expect(r.format == "syslog")
        #expect(r.evidenceKinds == [.syslog])
        #expect(r.events.map(\.kind) == [.agentReady, .agentEnabled, .evaluationStarted, .communicationFailed,
            .communicationFailed, .registrationFailed, .authorizationRenewFailed, .communicationRestored, .clockChanged,
            .evaluationExpired])
        let callHome = r.events[4]
        #expect(callHome[text: "error_code"] == "ERR 207")
        #expect(callHome[text: "reason"] == "Connection time out")
        #expect(callHome[text: "url"] == "https://tools.cisco.com/its/service/oddce/services/DDCEService")
        // Yearless IST line: year from the dated line 4, IST read as India (and said so).
        let eval = r.events[2]
        #expect(eval.time?.instant.iso8601UTC == "2018-01-26T09:30:02Z")
        #expect(eval.time?.assumptions.contains { $0.contains("inferred from the dated line smart-lic-syslog.log:4") } == true)
        #expect(eval.time?.assumptions.contains { $0.contains("IST is ambiguous") } == true)
        // RFC 5424 with an explicit offset: no assumption.
        #expect(r.events[6].time?.instant.iso8601UTC == "2018-01-27T03:30:00Z")
        #expect(r.events[6].time?.assumptions.isEmpty == true)
        // A relayed line: the device's zoned stamp wins over the relay's zoneless one.
        #expect(r.events[7].time?.instant.iso8601UTC == "2018-01-27T04:00:00Z")
        #expect(r.events[0][text: "mnemonic"] == "AGENT_READY")
    }

    @Test func yearlessSyslogAcrossNewYearUsesTheModificationTime() throws {
        let r = TestSupport.ingest(fixture: "syslog-newyear.log")
        #expect(r.events.map { $0.time?.instant.iso8601UTC ?? "-" } == ["2017-12-31T23:59:58Z", "2018-01-01T00:00:03Z"])
        #expect(r.events[0].time?.assumptions.first?.contains("New Year rollover") == true)
        let hinted = TestSupport.ingest(fixture: "syslog-newyear.log", hints: [.init(year: 2021, source: "show license all")])
        #expect(hinted.events.map { $0.time?.instant.iso8601UTC ?? "-" } == ["2020-12-31T23:59:58Z", "2021-01-01T00:00:03Z"])
    }

    @Test func rtmtAlertLines() throws {
        let r = TestSupport.ingest(fixture: "rtmt-alerts.log")
        #expect(r.format == "rtmt-alerts")
        #expect(r.evidenceKinds.contains(.rtmtAlert))
        #expect(r.events.map { $0[text: "alert"] ?? "-" } == ["SmartLicenseCommunicationError",
            "SmartLicenseNoProvision_AuthorizationExpired", "CriticalServiceDown", "ProductEvalExpired"])
        #expect(r.events[0][text: "alert_text"] == "Smart Licensing communication error with CSSM")
        #expect(r.events[0].time?.instant.iso8601UTC == "2018-01-26T09:41:23Z")
    }

    @Test func utilsServiceListWithCRLF() throws {
        let r = TestSupport.ingest(fixture: "service-list.txt")
        #expect(r.format == "service-list")
        #expect(r.evidenceKinds == [.serviceList])
        let status = r.events(.serviceStatus)
        #expect(status.count == 7)
        #expect(status.allSatisfy { $0.time == nil })
        #expect(status.map { $0[text: "status"] ?? "-" } == ["STARTED", "STARTED", "STARTED", "STOPPED", "STARTED", "Deactivated", "STARTING"])
        let down = try #require(r.events(.serviceNotRunning).first)
        #expect(down[text: "service"] == "Cisco Smart License Manager" && down[text: "status"] == "STOPPED")
        #expect(down.source.description == "service-list.txt:6")
        #expect(status.allSatisfy { !($0.excerpt ?? "").hasSuffix("\r") })
    }

    @Test func showLicenseTraceAndTechSupportDumps() throws {
        let trace = TestSupport.ingest(fixture: "show-license-trace.txt")
        #expect(trace.format == "log4j")
        #expect(trace.events.map(\.kind) == [.registrationRequested, .communicationFailed, .exceptionRaised])
        #expect(trace.events[1][text: "cause"] == "tls")
        let tech = TestSupport.ingest(fixture: "show-license-tech-support.txt")
        // `Failure reason:` lines of the status section are the CLI parser's; only the trace and the
        // product-removed text become events here.
        #expect(tech.events.map(\.kind) == [.communicationFailed, .registrationFailed])
        #expect(tech.events[1][text: "reason"]?.hasPrefix("The identity for the instance f654477d") == true)
    }

    @Test func mibNotificationNamesAnywhere() throws {
        let r = TestSupport.ingest(fixture: "notifications.log")
        #expect(r.events.map(\.kind) == [.communicationFailed, .authorizationRenewFailed, .communicationRestored])
        #expect(r.events[0][text: "notification"] == "ciscoSlaSmartAgentNotifyCommunicationFailure")
    }

    @Test func gzipSiblingReadsLikeThePlainFile() throws {
        let plain = TestSupport.ingest(fixture: "cuslmsvr-trace.log")
        let gz = TestSupport.ingest(fixture: "slm.log.1.gz")
        #expect(gz.damage.isEmpty)
        #expect(gz.events.map(\.kind) == plain.events.map(\.kind))
        #expect(gz.events.map { $0.source.location } == plain.events.map { $0.source.location })
        #expect(gz.events.first?.source.path == "slm.log.1.gz")
    }
}
