import Foundation
import LicensingModel
import Testing
@testable import StateEngine

@Suite("state engine scenarios")
struct EngineScenarioTests {
    typealias F = EventFactory

    func replay(_ events: [Event], coverage: [DateInterval] = []) -> ReplayResult {
        Replay.run(events, activityCoverage: coverage)
    }

    func transitions(_ r: ReplayResult, _ d: StateDimension) -> [String] {
        r.transitions.filter { $0.dimension == d }.map(\.to)
    }

    @Test("evaluation runs 90 days, then expires and provisioning stops")
    func evaluationExpires() throws {
        var engine = LicensingEngine()
        engine.apply(F.event(.evaluationStarted, day: 0))
        #expect(engine.state.authorization == .evaluation)
        let fired = engine.advance(to: F.at(89.9))
        #expect(fired.isEmpty)
        let after = engine.advance(to: F.at(91))
        #expect(after.map(\.to) == ["EVALUATION EXPIRED", "NO PROVISIONING"])
        #expect(after.first?.at == F.at(90))
        #expect(after.allSatisfy { $0.byTimer })
        #expect(after.first?.cause.contains("90 days") == true)
    }

    @Test("registration then authorization: 30-day renewal due, 90-day deadline, 180-day renewal, 1-year expiry")
    func registeredDeadlines() throws {
        let r = replay([F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0.01)])
        let names = Dictionary(uniqueKeysWithValues: r.deadlines.map { ($0.name, $0.due) })
        #expect(names["next_authorization_renewal"] == F.at(30.01))
        #expect(names["communication_deadline"] == F.at(90.01))
        #expect(names["registration_renewal"] == F.at(180))
        #expect(names["registration_expiry"] == F.at(365))
        #expect(r.engine.state.registration == .registered && r.engine.state.authorization == .authorized)
    }

    @Test("no communication for 90 days: AUTHORIZATION EXPIRED and overage; 90 days later NO PROVISIONING; 1 year: REGISTRATION EXPIRED")
    func runwayWithoutCommunication() {
        let r = replay([F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0)])
        #expect(r.runway.map(\.to) == ["AUTHORIZATION EXPIRED", "OVERAGE", "NO PROVISIONING", "REGISTRATION EXPIRED"])
        #expect(r.runway.map(\.at) == [F.at(90), F.at(90), F.at(180), F.at(365)])
    }

    @Test("a renewal inside the window re-arms the deadline; failures do not")
    func renewalRearms() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.authorizationRenewFailed, day: 30), F.event(.authorizationRenewSucceeded, day: 60),
            F.event(.authorizationRenewFailed, day: 90),
        ])
        #expect(!transitions(r, .authorization).contains("AUTHORIZATION EXPIRED"))
        #expect(r.deadlines.first { $0.name == "communication_deadline" }?.due == F.at(150))
    }

    @Test("authorization expiry mid-evidence, then recovery clears the overage")
    func expiryAndRecovery() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.communicationFailed, day: 100), F.event(.authorizationRenewSucceeded, day: 120),
        ])
        #expect(transitions(r, .authorization) == ["AUTHORIZED", "AUTHORIZATION EXPIRED", "AUTHORIZED"])
        #expect(transitions(r, .enforcement) == ["OVERAGE", "NONE"])
        let expiry = r.transitions.first { $0.to == "AUTHORIZATION EXPIRED" }
        #expect(expiry?.at == F.at(90) && expiry?.byTimer == true)
        #expect(r.value(of: .authorization, at: F.at(95)) == "AUTHORIZATION EXPIRED")
        #expect(r.value(of: .authorization, at: F.at(130)) == "AUTHORIZED")
        #expect(r.history[.authorization] == "NAxA")
    }

    @Test("out of compliance starts the 90-day overage; then no provisioning")
    func outOfCompliance() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0),
            F.event(.authorizationRenewSucceeded, day: 0, ["status": "OUT OF COMPLIANCE"]),
            F.event(.authorizationRenewSucceeded, day: 30, ["status": "OUT OF COMPLIANCE"]),
            F.event(.authorizationRenewSucceeded, day: 60, ["status": "OUT OF COMPLIANCE"]),
            F.event(.authorizationRenewSucceeded, day: 91, ["status": "OUT OF COMPLIANCE"]),
        ])
        #expect(transitions(r, .enforcement) == ["OVERAGE", "NO PROVISIONING"])
        #expect(r.transitions.last { $0.to == "NO PROVISIONING" }?.at == F.at(90))
    }

    @Test("the overage is dated from the first out-of-compliance evidence (an RTMT alert), not a later output")
    func overageFromEarliestEvidence() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.alertRaised, day: 15, ["alert": "SmartLicenseInOverage_OutOfCompliance"]),
            F.event(.authorizationRenewSucceeded, day: 23),
            F.event(.authorizationRenewSucceeded, day: 36, ["status": "OUT OF COMPLIANCE"]),
            EngineEvaluationAndAdoptionTests.snapshotEvent(day: 36.1, registration: .registered, authorization: .outOfCompliance),
        ])
        #expect(r.engine.state.overageStart == F.at(15))
        #expect(r.runway.first { $0.to == "NO PROVISIONING" }?.at == F.at(105))
        // Another alert (communication error) is no evidence of an overage.
        let other = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.alertRaised, day: 15, ["alert": "SmartLicenseCommunicationError"]),
        ])
        #expect(other.engine.state.enforcement == .none)
    }

    @Test("compliance restored ends enforcement")
    func complianceIn() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.complianceOut, day: 1), F.event(.complianceIn, day: 10),
        ])
        #expect(transitions(r, .authorization) == ["OUT OF COMPLIANCE", "AUTHORIZED"])
        #expect(transitions(r, .enforcement) == ["OVERAGE", "NONE"])
    }

    @Test("deregistration returns to UNREGISTERED and disarms registration timers")
    func deregistration() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.deregistrationSucceeded, day: 10),
        ])
        #expect(r.engine.state.registration == .unregistered)
        #expect(!r.deadlines.contains { $0.name == "registration_expiry" })
    }

    @Test("Specific License Reservation: no communication expected, no expiry, no missed renewals")
    func slr() {
        let events = [
            F.untimed(.transportConfigured, ["mode": "slr"]),
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.agentReady, day: 400),
        ]
        let r = replay(events, coverage: [DateInterval(start: F.at(0), end: F.at(400))])
        #expect(r.runway.isEmpty)
        #expect(r.anomalies.isEmpty)
        #expect(r.engine.state.authorization == .authorized)
    }

    @Test("proxy and satellite transports are tracked as state")
    func transport() {
        let r = replay([
            F.untimed(.transportConfigured, ["mode": "proxy"]),
            F.event(.transportConfigured, day: 5, ["mode": "satellite"]),
        ])
        #expect(transitions(r, .transport) == ["proxy", "satellite"])
        #expect(r.history[.transport] == "ups")
    }

    @Test("a renewal due while traces were written but never attempted is an anomaly")
    func expectedActivityMissing() {
        let events = [F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0), F.event(.agentReady, day: 45)]
        let covered = replay(events, coverage: [DateInterval(start: F.at(0), end: F.at(45))])
        let missing = covered.anomalies.filter { $0.name == "expected_activity_missing" }
        #expect(missing.count == 1)
        #expect(missing.first?.expectedAt == F.at(30))
        // Not covered by traces: nothing can be said.
        #expect(replay(events, coverage: [DateInterval(start: F.at(0), end: F.at(10))]).anomalies.isEmpty)
        // Attempted (even failed): fine.
        let attempted = events + [F.event(.authorizationRenewFailed, day: 30.2)]
        #expect(replay(attempted, coverage: [DateInterval(start: F.at(0), end: F.at(45))]).anomalies.isEmpty)
    }

    @Test("a due time inside a file's span where the traces fall silent for months is not expected activity")
    func silentTracesCoverNothing() {
        let events = [
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0), F.event(.agentReady, day: 1),
            F.event(.authorizationRenewSucceeded, day: 320), F.event(.authorizationRenewSucceeded, day: 350),
        ]
        let r = replay(events, coverage: [DateInterval(start: F.at(0), end: F.at(360))])
        #expect(!r.anomalies.contains { $0.name == "expected_activity_missing" })
    }

    @Test("authorization success with no registration evidence: registered since an unknown time, no date invented")
    func authorizationOnlyInventsNoRegistrationDate() {
        let r = replay([F.event(.authorizationRenewSucceeded, day: 0)])
        #expect(r.engine.state.registration == .registered)
        #expect(r.engine.state.isConsistent)
        #expect(r.anomalies.isEmpty)
        #expect(r.engine.state.lastRegistrationSuccess == nil)
        #expect(r.transitions.filter { $0.dimension == .registration }.isEmpty)
        let registration = r.intervals.filter { $0.dimension == .registration }
        #expect(registration.count == 1)
        #expect(registration.first?.start == nil)
        #expect(registration.first?.cause.contains("not in the evidence") == true)
        #expect(!r.deadlines.contains { $0.name == "registration_renewal" || $0.name == "registration_expiry" })
        #expect(r.runway.allSatisfy { $0.dimension != .registration })
    }

    @Test("authorization success after a deregistration contradicts the evidence and says so")
    func inconsistentEvent() {
        let r = replay([
            F.event(.registrationSucceeded, day: 0), F.event(.deregistrationSucceeded, day: 1),
            F.event(.authorizationRenewSucceeded, day: 2),
        ])
        #expect(r.engine.state.registration == .registered)
        #expect(r.anomalies.contains { $0.name == "inconsistent_event" })
        #expect(r.engine.state.isConsistent)
        #expect(r.engine.state.lastRegistrationSuccess == nil)
    }

    @Test("clock changes are reported")
    func clockChanged() {
        let r = replay([F.event(.clockChanged, day: 1)])
        #expect(r.anomalies.map(\.name) == ["clock_changed"])
    }

    @Test("evaluation expired event while unregistered stops provisioning; registering allows it again")
    func evalExpiredThenRegister() {
        let r = replay([F.event(.evaluationExpired, day: 0), F.event(.registrationSucceeded, day: 10)])
        #expect(transitions(r, .enforcement) == ["NO PROVISIONING", "NONE"])
    }
}

@Suite("state engine: evaluation clock and snapshot adoption")
struct EngineEvaluationAndAdoptionTests {
    typealias F = EventFactory

    static func snapshotEvent(day: Double?, registration: RegistrationState?, authorization: AuthorizationState?) -> Event {
        var s = StatusSnapshot(command: "show license status")
        s.registration.status = registration
        s.authorization.status = authorization
        let time = day.map { d in EventTime(instant: F.at(d), raw: F.at(d).iso8601UTC) }
        return Event(kind: .statusSnapshot, time: time, source: .line("show.txt", 1), snapshot: s)
    }

    @Test("the evaluation counts unregistered use only: registering pauses it, deregistering resumes it")
    func evaluationPausedWhileRegistered() {
        let r = Replay.run([
            F.event(.evaluationStarted, day: 0), F.event(.registrationSucceeded, day: 30),
            F.event(.authorizationRenewSucceeded, day: 30), F.event(.deregistrationSucceeded, day: 100),
        ])
        // 60 days were left at registration; they run again from day 100.
        let expiry = r.runway.first { $0.to == "EVALUATION EXPIRED" }
        #expect(expiry?.at == F.at(160))
        #expect(r.value(of: .authorization, at: F.at(120)) == "EVALUATION MODE")
    }

    @Test("an output printing an impossible pair is adopted and flagged")
    func inconsistentSnapshot() {
        let r = Replay.run([
            F.event(.registrationSucceeded, day: 0),
            Self.snapshotEvent(day: 1, registration: .unregistered, authorization: .authorized),
        ])
        #expect(r.anomalies.contains { $0.name == "inconsistent_snapshot" })
    }

    @Test("a printed AUTHORIZED clears the overage; a printed UNREGISTERED ends the registration's timers")
    func adoptionGoesThroughTheHelpers() {
        let authorized = Replay.run([
            F.event(.registrationSucceeded, day: 0), F.event(.complianceOut, day: 1),
            Self.snapshotEvent(day: 5, registration: .registered, authorization: .authorized),
        ])
        #expect(authorized.engine.state.enforcement == .none)
        let unregistered = Replay.run([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            Self.snapshotEvent(day: 5, registration: .unregistered, authorization: .evaluation),
        ])
        #expect(unregistered.engine.state.lastRegistrationSuccess == nil)
        #expect(!unregistered.runway.contains { $0.to == "REGISTRATION EXPIRED" || $0.to == "AUTHORIZATION EXPIRED" })
    }

    @Test("an untimed output is placed after all timed evidence")
    func untimedSnapshotLast() {
        let ordered = Replay.order([
            Self.snapshotEvent(day: nil, registration: .unregistered, authorization: .evaluation),
            F.untimed(.transportConfigured, ["mode": "proxy"]), F.event(.registrationSucceeded, day: 3),
        ])
        #expect(ordered.map(\.kind) == [.transportConfigured, .registrationSucceeded, .statusSnapshot])
    }
}

@Suite("state engine: the end of the evidence")
struct EngineEvidenceEndTests {
    typealias F = EventFactory

    @Test("a timer already past due at the last evidence is history, not runway")
    func overdueAtEnd() {
        let r = Replay.run([
            F.event(.registrationSucceeded, day: 0), F.event(.authorizationRenewSucceeded, day: 0),
            F.event(.agentReady, day: 200),
            EngineEvaluationAndAdoptionTests.snapshotEvent(day: nil, registration: .registered, authorization: .authorized),
        ])
        let expired = r.transitions.filter { $0.to == "AUTHORIZATION EXPIRED" }
        #expect(expired.last?.at == F.at(200))
        #expect(r.runway.first?.to != "AUTHORIZATION EXPIRED")
        #expect(r.runway.allSatisfy { $0.at > F.at(200) })
    }
}
