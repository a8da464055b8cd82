import Foundation
import PacketIngest
import Preflight
import Testing

/// Reading `--target` and the HTTP `Date` header.
struct PreflightTargetTests {
    @Test func namesAndURLs() throws {
        #expect(PreflightTarget.parse("tools.cisco.com") == .callHome)
        #expect(PreflightTarget.parse("SMARTRECEIVER.cisco.com") == .smartTransport)
        let sat = try #require(PreflightTarget.parse("http://10.1.1.5"))
        #expect(sat.path == "/Transportgateway/services/DeviceRequestHandler")
        #expect(sat.port == 80)
        #expect(sat.endpoint == "http://10.1.1.5/Transportgateway/services/DeviceRequestHandler")
        let lab = try #require(PreflightTarget.parse("https://tools.cisco.com:8443/"))
        #expect(lab.path == PreflightTarget.callHome.path && lab.port == 8443 && lab.endpoint == "tools.cisco.com")
        let v6 = try #require(PreflightTarget.parse("https://[::1]:9443/x"))
        #expect(v6.host == "::1" && v6.port == 9443 && v6.url == "https://[::1]:9443/x")
        #expect(PreflightTarget.parse("ftp://tools.cisco.com") == nil)
        #expect(PreflightTarget.parse("https://host:99999/") == nil)
        #expect(PreflightTarget.parse("https://:443/") == nil)
    }

    @Test func httpDate() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")?.timeIntervalSince1970 == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 32 Nov 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("") == nil)
        let seen = Date(timeIntervalSince1970: 784_111_777.2)
        #expect(HTTPDate.offsetSeconds("Sun, 06 Nov 1994 09:49:37 GMT", observedAt: seen) == 3600)
    }
}
