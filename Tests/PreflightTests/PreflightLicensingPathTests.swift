import Foundation
import PacketIngest
@testable import Preflight
import Testing

/// The licensing stage against the loopback HTTPS server answering chosen statuses and `Server` headers: the output
/// quotes what was observed and marks what is inferred.
@Suite(.serialized)
struct PreflightLicensingPathTests {
    let pki = TestPKI.shared
    let base = PreflightIntegrationTests()

    func run(path: String) throws -> PreflightResult {
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        var o = try base.options("tools.cisco.com", port: port)
        o.target = try #require(PreflightTarget.parse("https://tools.cisco.com:\(port)\(path)"))
        return base.run(o)
    }

    @Test func notFoundSaysWhatWasObservedAndWhatIsInferred() throws {
        let r = try run(path: "/no/such/path")
        base.expectFailure(r, stage: "licensing", reason: "HTTP 404 Not Found from tools.cisco.com for GET /no/such/path",
                           findings: [], exit: 16)
        let summary = r.failedStage?.summary ?? ""
        #expect(summary.contains(" — the licensing service path did not answer as CSSM does"), "\(summary)")
        #expect(summary.hasSuffix("[inferred]"), "\(summary)")
        #expect(r.failedStage?.detail == "404")
    }

    @Test func gatewayErrorIsTheServiceUnavailable() throws {
        let r = try run(path: "/answer/503")
        base.expectFailure(r, stage: "licensing", reason: "HTTP 503 Service Unavailable from tools.cisco.com for GET /answer/503",
                           findings: [], exit: 16)
        #expect(r.failedStage?.summary.contains("reports it unavailable [inferred]") == true, "\(r.failedStage?.summary ?? "")")
        #expect(r.failedStage?.summary.contains("Content-Type: text/html") == true)
        #expect(r.failedStage?.detail == "503")
    }

    @Test func internalServerErrorPassesWithAWarning() throws {
        let r = try run(path: "/answer/500")
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        let stage = try #require(r.stages.first { $0.name == "licensing" })
        #expect(stage.summary.hasPrefix("HTTP 500 Internal Server Error from tools.cisco.com for GET /answer/500"))
        #expect(stage.summary.contains("neither shows the service down nor up [inferred]"))
        #expect(stage.warning == "HTTP 500 to the GET: licensing path not confirmed")
    }

    @Test func answerFromAProxyProductIsNotTheLicensingService() throws {
        let r = try run(path: "/answer/403/squid")
        base.expectFailure(r, stage: "licensing", reason: "HTTP 403 Forbidden from tools.cisco.com for GET /answer/403/squid (Server: squid",
                           findings: [], exit: 16)
        #expect(r.failedStage?.summary.contains("names squid (Server: squid), a proxy or security appliance") == true)
        #expect(r.failedStage?.summary.hasSuffix("[inferred from the headers]") == true)
        #expect(r.failedStage?.detail == "proxy 403")
    }

    @Test func redirectAndSquidErrorHeaderAreReadFromTheHead() throws {
        func head(_ text: String) throws -> LiveWire.ResponseHead {
            guard case .head(let h) = LiveWire.responseHead(Array(text.utf8)) else { throw CancellationError() }
            return h
        }
        let redirect = LicensingPathJudgement.judge(
            try head("HTTP/1.1 302 Found\r\nLocation: https://portal.example/login\r\n\r\n"), host: "tools.cisco.com", path: "/p")
        #expect(redirect.ok)
        #expect(redirect.warning?.contains("redirected to https://portal.example/login") == true)
        let squid = LicensingPathJudgement.judge(
            try head("HTTP/1.1 404 Not Found\r\nX-Squid-Error: ERR_DNS_FAIL 0\r\n\r\n"), host: "tools.cisco.com", path: "/p")
        #expect(!squid.ok)
        #expect(squid.detail == "proxy 404")
        let plain = LicensingPathJudgement.judge(try head("HTTP/1.1 200 OK\r\n\r\n"), host: "tools.cisco.com", path: "/p")
        #expect(plain.ok && plain.warning == nil)
        #expect(plain.summary == "HTTP 200 OK from tools.cisco.com for GET /p — the path answered; the product POSTs there, so any answer but 404 or a gateway error shows it is reachable [inferred]")
    }
}
