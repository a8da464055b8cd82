import Foundation

/// A typed value of an event field. Rules compare on these; reports print them.
public enum FieldValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// An instant (encoded as ISO-8601 UTC).
    case time(Date)
    case list([FieldValue])

    /// The value as text, the form `contains` / `regex` predicates and reports use.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .time(let t): return t.iso8601UTC
        case .list(let l): return l.map(\.text).joined(separator: ",")
        }
    }

    /// The value as a number when it is one (or a string that reads as one).
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Double(s)
        case .bool, .time, .list: return nil
        }
    }
}

extension FieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// Creates a value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates a value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// Creates a value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension FieldValue: Codable {
    /// Creates a value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .list(try c.decode([FieldValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .time(let t): try c.encode(t.iso8601UTC)
        case .list(let l): try c.encode(l)
        }
    }
}
