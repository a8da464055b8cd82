import Foundation
import Rules
import Testing
@testable import Triage

/// `--timeout 1e300` (or `inf`) passes the "positive" check; turning it into the worker's backstop must not trap.
@Suite("absurd triage timeouts")
struct AbsurdTimeoutTests {
    @Test("the worker backstop and the timeout text saturate", arguments: [1e300, Double.infinity, 1e18])
    func backstop(timeout: Double) {
        let configuration = TriageConfiguration(
            jobs: 1, timeoutSeconds: timeout, maxMemoryMiB: 64, failOn: .low, analyzeOptions: [],
            workerExecutable: "/bin/true", analyzer: "/bin/true", temporaryDirectory: "/tmp", reports: nil,
            environment: [:])
        let arguments = configuration.workerArguments(analyze: [])
        let index = arguments.firstIndex(of: "--time-limit")
        #expect(index.map { Int(arguments[$0 + 1]) != nil } == true)
        #expect(!BundleAnalyzer.seconds(timeout).isEmpty)
    }
}
