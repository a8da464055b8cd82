import Foundation
import LicensingModel
import Testing
import TextIngest
@testable import StateEngine

@Suite("snapshot checks")
struct SnapshotCheckTests {
    static let seedAll = """
        Smart Licensing Status
        Smart Licensing is ENABLED
        Registration:
        Status: REGISTERED
        Initial Registration: SUCCEEDED on Jan 26 15:11:23 2018 IST
        Last Renewal Attempt: SUCCEEDED on Jan 26 15:11:23 2018 IST
        Next Renewal Attempt: Jul 25 15:11:23 2018 IST
        Registration Expires: Jan 26 15:06:21 2019 IST
        License Authorization:
        Status: AUTHORIZED on Jan 26 15:12:59 2018 IST
        Last Communication Attempt: SUCCEEDED on Jan 26 15:12:59 2018 IST
        Next Communication Attempt: Feb 25 15:12:59 2018 IST
        Communication Deadline: Apr 26 15:06:59 2018 IST
        Evaluation Period:
        Evaluation Mode: Not In Use
        EVALUATION PERIOD EXPIRED on Nov 9 23:46:35 2017 IST
        """

    func check(_ text: String) throws -> (SnapshotCheck, ReplayResult) {
        let output = try #require(ShowLicenseParser.parse(text, zones: ZoneResolver()).first)
        let r = Replay.run(SnapshotEvents.events(for: output, path: "seed.txt"))
        return (try #require(r.snapshotChecks.first), r)
    }

    @Test("the seed's show license all: every printed timer agrees with the engine (acceptance anchor)")
    func seedAgrees() throws {
        let (c, r) = try check(Self.seedAll)
        let byName = Dictionary(uniqueKeysWithValues: c.timers.map { ($0.name, $0) })
        #expect(byName["next_renewal_attempt"]?.derived?.iso8601UTC == "2018-07-25T09:41:23Z")
        #expect(byName["next_communication_attempt"]?.derived?.iso8601UTC == "2018-02-25T09:42:59Z")
        #expect(byName["communication_deadline"]?.verdict == .agree)
        #expect(abs(byName["communication_deadline"]?.differenceSeconds ?? 9_999) <= 600)
        #expect(byName["registration_expires"]?.verdict == .agree)
        #expect(byName["evaluation_expired"]?.derived?.iso8601UTC == "2017-11-09T18:16:35Z")
        #expect(c.timers.allSatisfy { $0.verdict == .agree })
        #expect(c.timers.count == 5)
        #expect(r.anomalies.isEmpty)
        // The printed (CSSM-issued) deadline is adopted for the runway.
        #expect(r.runway.first?.at.iso8601UTC == "2018-04-26T09:36:59Z")
        #expect(r.runway.last?.at.iso8601UTC == "2019-01-26T09:36:21Z")
    }

    @Test("a printed timer that does not fit the evidence is a disagreement and an anomaly")
    func disagreement() throws {
        let edited = Self.seedAll.replacingOccurrences(
            of: "Next Renewal Attempt: Jul 25 15:11:23 2018 IST", with: "Next Renewal Attempt: Jul 02 15:11:23 2018 IST")
        let (c, r) = try check(edited)
        #expect(c.timers.first { $0.name == "next_renewal_attempt" }?.verdict == .disagree)
        #expect(r.anomalies.contains { $0.name == "snapshot_disagrees" && $0.field == "next_renewal_attempt" })
    }

    @Test("an evaluation that expires after the registration is impossible")
    func evaluationAfterRegistration() throws {
        let edited = Self.seedAll.replacingOccurrences(of: "Nov 9 23:46:35 2017", with: "Mar 9 23:46:35 2018")
        let (c, _) = try check(edited)
        #expect(c.timers.first { $0.name == "evaluation_expired" }?.verdict == .disagree)
    }

    @Test("after a failed attempt the retry time is observed, not derived")
    func failedAttemptObserved() throws {
        let text = """
            Registration:
              Status: REGISTERED
              Initial Registration: SUCCEEDED on Dec 03 16:43:48 2018 UTC
              Last Renewal Attempt: FAILED on Dec 03 18:40:22 2018 UTC
                Failure reason: Communication message send error
              Next Renewal Attempt: Dec 03 18:56:01 2018 UTC
              Registration Expires: Dec 03 16:37:44 2019 UTC
            License Authorization:
              Status: AUTHORIZED on Dec 03 18:40:28 2018 UTC
              Last Communication Attempt: FAILED on Dec 03 18:40:28 2018 UTC
                Failure reason: Communication message send error
              Next Communication Attempt: Dec 03 18:40:57 2018 UTC
              Communication Deadline: Mar 03 16:37:55 2019 UTC
            """
        let (c, r) = try check(text)
        let byName = Dictionary(uniqueKeysWithValues: c.timers.map { ($0.name, $0) })
        #expect(byName["next_renewal_attempt"]?.verdict == .observed)
        #expect(byName["next_communication_attempt"]?.verdict == .observed)
        #expect(byName["registration_expires"]?.verdict == .agree)
        #expect(byName["communication_deadline"]?.verdict == .agree)
        #expect(byName["communication_deadline"]?.basis.contains("not printed") == true)
        #expect(r.engine.state.authorization == .authorized)
    }

    @Test("a snapshot contradicting earlier evidence is an anomaly")
    func stateDisagreement() throws {
        let output = try #require(ShowLicenseParser.parse(Self.seedAll, zones: ZoneResolver()).first)
        var events = SnapshotEvents.events(for: output, path: "seed.txt")
        let snapshotTime = try #require(events.first { $0.kind == .statusSnapshot }?.time)
        // Evidence from a log: deregistered at the moment the snapshot was taken.
        events.append(Event(kind: .deregistrationSucceeded, time: snapshotTime, source: .line("slm.log", 9)))
        let r = Replay.run(events)
        #expect(r.anomalies.contains { $0.name == "snapshot_disagrees" && $0.field == "registration.status" })
    }
}

@Suite("clock skew seen in CSSM-issued deadlines")
struct DeadlineSkewTests {
    @Test("both CSSM-issued times 3 hours off, schedule agreeing: the clocks disagreed; one time, or minutes, no")
    func deadlineSkew() throws {
        func anomalies(deadline: String, expiry: String) throws -> [EngineAnomaly] {
            let text = SnapshotCheckTests.seedAll
                .replacingOccurrences(of: "Communication Deadline: Apr 26 15:06:59 2018 IST", with: "Communication Deadline: \(deadline)")
                .replacingOccurrences(of: "Registration Expires: Jan 26 15:06:21 2019 IST", with: "Registration Expires: \(expiry)")
            let output = try #require(ShowLicenseParser.parse(text, zones: ZoneResolver()).first)
            return Replay.run(SnapshotEvents.events(for: output, path: "x.txt")).anomalies
        }
        let skewed = try anomalies(deadline: "Apr 26 12:12:59 2018 IST", expiry: "Jan 26 12:12:21 2019 IST")
        let skew = try #require(skewed.first { $0.name == "clock_skew" })
        #expect(skew.detail.contains("3.0 h"))
        #expect(skew.detail.contains("ahead of"))
        #expect(skew.evidence.count == 2)
        #expect(try anomalies(deadline: "Apr 26 15:06:59 2018 IST", expiry: "Jan 26 15:06:21 2019 IST").isEmpty)
        // Only one of the two shifted: a later authorization that is not printed, not a clock.
        #expect(try !anomalies(deadline: "Apr 26 12:12:59 2018 IST", expiry: "Jan 26 15:06:21 2019 IST").contains { $0.name == "clock_skew" })
        #expect(try !anomalies(deadline: "Jun 26 15:06:59 2018 IST", expiry: "Jun 26 15:06:21 2019 IST").contains { $0.name == "clock_skew" })
    }
}
