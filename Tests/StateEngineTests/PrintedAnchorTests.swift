import Foundation
import LicensingModel
import Testing
import TextIngest
@testable import StateEngine

/// Printed instants of `show license …` outputs placed on the replay (`PrintedAnchor`).
@Suite("printed instants anchor the replay")
struct PrintedAnchorTests {
    /// Authorization expired on a printed date, CSSM-issued deadline and expiry printed, no success printed.
    static let expired = """
        admin:show license status
        Smart Licensing is ENABLED
        Registration:
          Status: REGISTERED
          Registration Expires: Jan 26 15:06:21 2023 UTC
        License Authorization:
          Status: AUTHORIZATION EXPIRED on Jul 5 10:00:00 2022 UTC
          Last Communication Attempt: FAILED on Aug 1 08:00:00 2022 UTC
            Failure reason: Communication message send error
          Next Communication Attempt: Aug 1 08:00:30 2022 UTC
          Communication Deadline: Jul 5 09:55:00 2022 UTC
        """

    static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// The output's events plus log events (from another file) at the given instants.
    func replay(_ text: String, logs: [(EventKind, String)] = [], taken: String? = nil) throws -> ReplayResult {
        let output = try #require(ShowLicenseParser.parse(text, zones: ZoneResolver()).first)
        let observed = taken.map { EventTime(instant: Self.date($0), raw: $0) }
        var events = SnapshotEvents.events(for: output, path: "show-license-status.txt", observedAt: observed)
        for (i, (kind, iso)) in logs.enumerated() {
            let t = Self.date(iso)
            events.append(Event(kind: kind, time: EventTime(instant: t, raw: iso), source: .line("slm.log", i + 1)))
        }
        return Replay.run(events)
    }

    func interval(_ r: ReplayResult, _ d: StateDimension, _ value: String) -> StateInterval? {
        r.intervals.first { $0.dimension == d && $0.value == value }
    }

    @Test("AUTHORIZATION EXPIRED on a date starts then; overage and no-provisioning follow from it, not the snapshot")
    func expiredOnPrintedDate() throws {
        let r = try replay(Self.expired, logs: [(.authorizationRenewFailed, "2022-08-02T08:00:00Z")])
        let expired = try #require(interval(r, .authorization, "AUTHORIZATION EXPIRED"))
        #expect(expired.start == Self.date("2022-07-05T10:00:00Z"))
        #expect(expired.cause.hasPrefix("printed: "))
        #expect(interval(r, .enforcement, "OVERAGE")?.start == Self.date("2022-07-05T10:00:00Z"))
        let noProvisioning = try #require(r.runway.first { $0.to == "NO PROVISIONING" })
        #expect(noProvisioning.at == Self.date("2022-10-03T10:00:00Z"))
        #expect(r.runway.first?.at == Self.date("2022-10-03T10:00:00Z"))
        #expect(!r.anomalies.contains { $0.name == "snapshot_disagrees" })
    }

    @Test("the printed deadline and expiry place the last authorization and registration, marked derived from printed")
    func derivedAnchors() throws {
        let r = try replay(Self.expired, logs: [(.authorizationRenewFailed, "2022-08-02T08:00:00Z")])
        let inferred = r.anchors.filter(\.inferred)
        #expect(inferred.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.lastAuthorization, .lastRegistration])
        // Communication Deadline Jul 5 09:55:00 − 90 days; Registration Expires Jan 26 2023 15:06:21 − 365 days.
        #expect(inferred.first { $0.kind == .lastAuthorization }?.at == Self.date("2022-04-06T09:55:00Z"))
        #expect(inferred.first { $0.kind == .lastRegistration }?.at == Self.date("2022-01-26T15:06:21Z"))
        let authorized = try #require(interval(r, .authorization, "AUTHORIZED"))
        #expect(authorized.start == Self.date("2022-04-06T09:55:00Z"))
        #expect(authorized.end == Self.date("2022-07-05T10:00:00Z"))
        #expect(authorized.cause.hasPrefix("derived from printed: Communication Deadline"))
        // The registration is taken to hold since an unknown time: no start is invented.
        let registered = try #require(interval(r, .registration, "REGISTERED"))
        #expect(registered.start == nil)
        #expect(r.engine.state.lastRegistrationSuccess == Self.date("2022-01-26T15:06:21Z"))
        let expiry = try #require(r.deadlines.first { $0.name == "registration_expiry" })
        #expect(expiry.due == Self.date("2023-01-26T15:06:21Z"))
        // The snapshot's own deadline and expiry are what placed the anchors: not a check, not a disagreement.
        let check = try #require(r.snapshotChecks.first)
        let verdicts = Dictionary(uniqueKeysWithValues: check.timers.map { ($0.name, $0.verdict) })
        #expect(verdicts["communication_deadline"] == .derivedFromPrinted)
        #expect(verdicts["registration_expires"] == .derivedFromPrinted)
        #expect(r.anomalies.isEmpty)
    }

    @Test("OUT OF COMPLIANCE on a date starts then, with its overage")
    func outOfComplianceSince() throws {
        let text = """
            Registration:
              Status: REGISTERED
              Initial Registration: SUCCEEDED on Aug 22 18:58:03 2022 UTC
              Registration Expires: Aug 22 18:52:49 2023 UTC
            License Authorization:
              Status: OUT OF COMPLIANCE on Aug 22 18:58:17 2022 UTC
              Last Communication Attempt: SUCCEEDED on Aug 22 18:58:17 2022 UTC
              Next Communication Attempt: Aug 23 06:58:17 2022 UTC
              Communication Deadline: Nov 20 18:53:16 2022 UTC
            """
        let r = try replay(text)
        #expect(interval(r, .authorization, "OUT OF COMPLIANCE")?.start == Self.date("2022-08-22T18:58:17Z"))
        #expect(interval(r, .enforcement, "OVERAGE")?.start == Self.date("2022-08-22T18:58:17Z"))
        #expect(r.runway.first { $0.to == "NO PROVISIONING" }?.at == Self.date("2022-11-20T18:58:17Z"))
        #expect(r.anchors.allSatisfy { !$0.inferred })
        #expect(r.anomalies.isEmpty)
    }

    @Test("REGISTRATION EXPIRED with its printed expiry ends the registration then")
    func registrationExpiredSince() throws {
        let text = """
            Registration:
              Status: REGISTRATION EXPIRED
              Registration Expires: Jan 26 15:06:21 2019 UTC
            License Authorization:
              Status: AUTHORIZATION EXPIRED on Apr 26 15:06:59 2018 UTC
            """
        let r = try replay(text, taken: "2019-02-01T10:00:00Z")
        #expect(interval(r, .registration, "REGISTRATION EXPIRED")?.start == Self.date("2019-01-26T15:06:21Z"))
        let registered = try #require(interval(r, .registration, "REGISTERED"))
        #expect(registered.start == nil)
        #expect(registered.cause.hasPrefix("inferred: the registration the same output reports as expired"))
        #expect(interval(r, .authorization, "AUTHORIZATION EXPIRED")?.start == Self.date("2018-04-26T15:06:59Z"))
        #expect(r.transitions.first { $0.to == "NO PROVISIONING" }?.at == Self.date("2018-07-25T15:06:59Z"))
    }

    @Test("logs reaching back past the implied success: no anchor is invented; the disagreement stays")
    func logsReachBack() throws {
        let r = try replay(Self.expired, logs: [(.authorizationRenewFailed, "2022-03-01T08:00:00Z")])
        #expect(!r.anchors.contains { $0.kind == .lastAuthorization })
        #expect(interval(r, .authorization, "AUTHORIZED") == nil)
        // The printed expiry still starts the state.
        #expect(interval(r, .authorization, "AUTHORIZATION EXPIRED")?.start == Self.date("2022-07-05T10:00:00Z"))
    }

    @Test("a logged success after the implied one contradicts it: no anchor, a disagreement")
    func laterSuccessContradicts() throws {
        let r = try replay(Self.expired, logs: [
            (.registrationSucceeded, "2022-05-01T08:00:00Z"), (.authorizationRenewSucceeded, "2022-05-01T08:01:00Z"),
        ])
        #expect(r.anchors.allSatisfy { !$0.inferred })
        #expect(r.anomalies.contains { $0.name == "snapshot_disagrees" && $0.field == "communication_deadline" })
    }

    @Test("a deadline a printed success explains places nothing (the seed)")
    func explainedDeadline() throws {
        let r = try replay(SnapshotCheckTests.seedAll)
        #expect(r.anchors.allSatisfy { !$0.inferred })
    }

    @Test("only an authorization printed: no registration date, no registration deadline")
    func authorizationOnly() throws {
        let text = """
            License Authorization:
              Status: AUTHORIZED on Mar 1 10:00:00 2022 UTC
              Last Communication Attempt: SUCCEEDED on Mar 1 10:00:00 2022 UTC
              Next Communication Attempt: Mar 31 10:00:00 2022 UTC
            """
        let r = try replay(text)
        #expect(r.engine.state.lastRegistrationSuccess == nil)
        #expect(!r.deadlines.contains { $0.name.hasPrefix("registration") })
        #expect(r.intervals.filter { $0.dimension == .registration }.allSatisfy { $0.start == nil })
        #expect(r.runway.allSatisfy { $0.dimension != .registration })
    }

    @Test("a logged success explains the deadline; the printed expiry minutes later still dates the state")
    func printedExpiryWinsOverDerivedDeadline() throws {
        // Logged success Apr 6 09:58; derived deadline Jul 5 09:58; the product prints the expiry at Jul 5 10:00.
        let r = try replay(Self.expired, logs: [
            (.registrationSucceeded, "2022-04-06T09:57:00Z"), (.authorizationRenewSucceeded, "2022-04-06T09:58:00Z"),
        ])
        #expect(r.anchors.allSatisfy { !$0.inferred || $0.kind == .lastRegistration })
        let expired = try #require(interval(r, .authorization, "AUTHORIZATION EXPIRED"))
        #expect(expired.start == Self.date("2022-07-05T10:00:00Z"))
        #expect(expired.cause.hasPrefix("printed: "))
        #expect(r.runway.first { $0.to == "NO PROVISIONING" }?.at == Self.date("2022-10-03T10:00:00Z"))
    }

    @Test("the runway takes the tighter of a printed and a derived deadline")
    func tightestDeadline() throws {
        // The printed deadline is 3 days earlier than the printed success + 90 days: it bounds the runway.
        let text = SnapshotCheckTests.seedAll.replacingOccurrences(
            of: "Communication Deadline: Apr 26 15:06:59 2018 IST", with: "Communication Deadline: Apr 23 15:06:59 2018 IST")
        let r = try replay(text)
        #expect(r.runway.first?.at.iso8601UTC == "2018-04-23T09:36:59Z")
        #expect(r.anomalies.contains { $0.name == "snapshot_disagrees" && $0.field == "communication_deadline" })
    }
}
