import Foundation
import LicensingModel
import Testing
@testable import StateEngine

/// State values are enums inside the engine and the strings they always were in JSON.
@Suite("typed state values encode as their strings")
struct TypedStateCodingTests {
    func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    @Test func intervalAndTransitionEncodeStrings() throws {
        let at = Date(timeIntervalSince1970: 0)
        let interval = StateInterval(state: .authorization(.authorizationExpired), start: at, end: nil, cause: "c", evidence: [])
        #expect(try json(interval) == #"{"cause":"c","dimension":"authorization","evidence":[],"start":"1970-01-01T00:00:00Z","value":"AUTHORIZATION EXPIRED"}"#)
        let t = Transition(from: .transport(nil), to: .transport(.proxy), at: at, cause: "c", byTimer: false, evidence: [])
        #expect(try json(t) == #"{"at":"1970-01-01T00:00:00Z","byTimer":false,"cause":"c","dimension":"transport","evidence":[],"from":"unknown","to":"proxy"}"#)
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        #expect(try d.decode(StateInterval.self, from: Data(try json(interval).utf8)) == interval)
        #expect(try d.decode(Transition.self, from: Data(try json(t).utf8)) == t)
    }

    @Test func aValueOfAnotherDimensionIsRejected() {
        let bad = #"{"cause":"c","dimension":"registration","evidence":[],"value":"AUTHORIZED"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StateInterval.self, from: Data(bad.utf8)) }
        #expect(StateInterval(dimension: .registration, value: "AUTHORIZED", start: nil, end: nil, cause: "", evidence: []) == nil)
    }

    @Test func anomalyNamesEncodeAsPlainNames() throws {
        let a = EngineAnomaly(name: .clockSkew, detail: "d", at: nil, evidence: [])
        #expect(try json(a).contains(#""name":"clock_skew""#))
        #expect(AnomalyName.clockSkew.isRegistered)
        #expect(!AnomalyName(rawValue: "clock_skw").isRegistered)
    }
}
