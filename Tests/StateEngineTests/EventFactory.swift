import Foundation
import LicensingModel

/// Builds events for engine tests.
enum EventFactory {
    static let t0 = Date(timeIntervalSince1970: 1_500_000_000)  // 2017-07-14T02:40:00Z
    static let day: TimeInterval = 86_400

    static func at(_ days: Double) -> Date { t0 + days * day }

    static func event(_ kind: EventKind, day: Double, line: Int = 1, _ fields: [String: FieldValue] = [:]) -> Event {
        let d = at(day)
        return Event(kind: kind, time: EventTime(instant: d, raw: d.iso8601UTC), source: .line("test.log", line), fields: fields)
    }

    static func untimed(_ kind: EventKind, _ fields: [String: FieldValue] = [:]) -> Event {
        Event(kind: kind, time: nil, source: .line("test.log", 1), fields: fields)
    }
}

