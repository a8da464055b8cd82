import Foundation

/// The registered names of engine anomalies (`engine.anomaly` events' `anomaly` field). Rules may name only these;
/// `rules lint` checks them. Encoded as the plain name.
public struct AnomalyName: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The name.
    public var rawValue: String
    /// Creates a value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a value.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }
    /// Orders the values.
    public static func < (a: AnomalyName, b: AnomalyName) -> Bool { a.rawValue < b.rawValue }

    /// A printed state or timer disagrees with the replay (missing evidence or a product bug).
    public static let snapshotDisagrees: AnomalyName = "snapshot_disagrees"
    /// A printed state pair the product's states do not allow.
    public static let inconsistentSnapshot: AnomalyName = "inconsistent_snapshot"
    /// A renewal due while traces cover the time never shows up.
    public static let expectedActivityMissing: AnomalyName = "expected_activity_missing"
    /// An event that cannot happen in the state the evidence before it replays to.
    public static let inconsistentEvent: AnomalyName = "inconsistent_event"
    /// Evidence earlier than evidence already applied.
    public static let outOfOrder: AnomalyName = "out_of_order"
    /// The product's clock was changed.
    public static let clockChanged: AnomalyName = "clock_changed"
    /// The product's clock and CSSM's disagreed (both CSSM-issued times shifted alike).
    public static let clockSkew: AnomalyName = "clock_skew"

    /// Every registered name.
    public static let registered: [AnomalyName] = [
        snapshotDisagrees, inconsistentSnapshot, expectedActivityMissing, inconsistentEvent, outOfOrder, clockChanged,
        clockSkew,
    ]

    /// Whether the name is registered.
    public var isRegistered: Bool { Self.registered.contains(self) }
}
