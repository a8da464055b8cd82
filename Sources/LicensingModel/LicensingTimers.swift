import Foundation

/// The documented Smart Licensing timers (domain-notes §4.2). The engine reads them from here so scenario
/// tests can shorten them and a future release with other values needs one change.
public struct LicensingTimers: Hashable, Sendable, Codable {
    /// Evaluation period of unregistered use (90 days, TAC-214381).
    public var evaluation: TimeInterval
    /// Registration (ID certificate) renewal interval (180 days, measured on CUCM output).
    public var registrationRenewal: TimeInterval
    /// Registration (ID certificate) validity (1 year).
    public var registrationValidity: TimeInterval
    /// Authorization renewal interval (30 days).
    public var authorizationRenewal: TimeInterval
    /// Communication deadline: authorization expires this long after the last successful authorization (90 days).
    public var communicationDeadline: TimeInterval
    /// CUCM overage before no-provisioning (90 days, CUCM 15 FCG).
    public var overage: TimeInterval
    /// How far a product-printed deadline may sit from the derived one and still agree. CSSM issues deadlines
    /// from its own clock (observed 5–6 minutes early), so exact equality is not expected.
    public var serverIssuedTolerance: TimeInterval
    /// How far a product-scheduled attempt may sit from the derived one and still agree.
    public var scheduleTolerance: TimeInterval

    /// Creates timers.
    public init(
        evaluation: TimeInterval, registrationRenewal: TimeInterval, registrationValidity: TimeInterval,
        authorizationRenewal: TimeInterval, communicationDeadline: TimeInterval, overage: TimeInterval,
        serverIssuedTolerance: TimeInterval = 10 * 60, scheduleTolerance: TimeInterval = 60
    ) {
        self.evaluation = evaluation
        self.registrationRenewal = registrationRenewal
        self.registrationValidity = registrationValidity
        self.authorizationRenewal = authorizationRenewal
        self.communicationDeadline = communicationDeadline
        self.overage = overage
        self.serverIssuedTolerance = serverIssuedTolerance
        self.scheduleTolerance = scheduleTolerance
    }

    /// One day in seconds.
    public static let day: TimeInterval = 86_400

    /// CUCM 12.x and later.
    public static let cucm = LicensingTimers(
        evaluation: 90 * day, registrationRenewal: 180 * day, registrationValidity: 365 * day,
        authorizationRenewal: 30 * day, communicationDeadline: 90 * day, overage: 90 * day)

}
