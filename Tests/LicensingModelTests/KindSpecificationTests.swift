import Foundation
import Testing
@testable import LicensingModel

/// The declared vocabulary: one specification per kind, and the sets the engine and matchers derive from it.
@Suite struct KindSpecificationTests {
    @Test func everyKindConstantIsSpecifiedOnce() {
        #expect(EventVocabulary.specs.count == EventVocabulary.kinds.count)
        #expect(EventVocabulary.specs.allSatisfy { $0.key == $0.value.kind })
        #expect(EventKind.registrationSucceeded.spec?.succeeds == [.registration])
        #expect(EventKind.complianceIn.spec?.succeeds == [.authorization])
    }

    @Test func attemptSetsDeriveFromTheSpecs() {
        let log = EventVocabulary.kinds { $0.attemptClock == .log }
        #expect(log.contains(.authorizationRenewFailed))
        #expect(log.contains(.registrationRequested))
        #expect(!log.contains(.connectivityAttempt))
        #expect(!log.contains(.entitlementUsage))
        #expect(EventVocabulary.kinds { $0.attemptClock == .capture } == [.connectivityAttempt])
        // Every attempt seen on a clock is licensing activity.
        #expect(EventVocabulary.specs.values.allSatisfy { $0.attemptClock == nil || $0.isAttempt })
    }

    @Test func replayRanksOrderRegistrationBeforeAuthorizationBeforeSnapshot() {
        let rank = { (k: EventKind) in k.spec?.rank ?? .activity }
        #expect(rank(.transportConfigured) < rank(.registrationSucceeded))
        #expect(rank(.registrationSucceeded) < rank(.authorizationRenewSucceeded))
        #expect(rank(.authorizationRenewSucceeded) < rank(.communicationFailed))
        #expect(rank(.entitlementUsage) < rank(.statusSnapshot))
    }

    @Test func closedValuesComeFromTheEnums() {
        #expect(EventVocabulary.field("registration.status", on: .statusSnapshot)?.values
            == RegistrationState.allCases.map(\.rawValue))
        #expect(EventVocabulary.field("mode", on: .transportConfigured)?.values == TransportMode.allCases.map(\.rawValue))
        #expect(EventVocabulary.field("anomaly", on: .engineAnomaly)?.values == AnomalyName.registered.map(\.rawValue))
        #expect(EventVocabulary.field("message", on: .statusSnapshot) == .text)
        #expect(EventVocabulary.field("nope", on: .statusSnapshot) == nil)
    }

    @Test func stateValuesRoundTripTheirStrings() {
        for d in StateDimension.allCases {
            for raw in StateValue.allowed(for: d) {
                #expect(StateValue(d, rawValue: raw)?.rawValue == raw)
                #expect(StateValue(d, rawValue: raw)?.dimension == d)
            }
        }
        #expect(StateValue(.authorization, rawValue: "REGISTERED") == nil)
        #expect(StateValue(.transport, rawValue: "unknown") == .transport(nil))
    }
}
