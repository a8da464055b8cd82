import Foundation
import LicensingModel

/// An instant a `show license …` output prints, placed on the replay at that instant rather than at the time the
/// output was taken.
///
/// Two sorts exist. A *printed state start* (`Status: AUTHORIZATION EXPIRED on Jul 5 …`) is the product's own
/// statement of when a state began: it is evidence ([V]). A *derived-from-printed* anchor is an inference ([I]):
/// a CSSM-issued Communication Deadline places the last successful authorization 90 days before it, a Registration
/// Expires the last registration renewal 1 year before it — used only when no success that explains the printed
/// value is in the evidence and the other evidence does not reach back that far.
public struct PrintedAnchor: Hashable, Sendable, Codable {
    /// What the anchor places.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The last successful authorization, derived from the printed Communication Deadline.
        case lastAuthorization = "last_authorization"
        /// The last successful registration or renewal, derived from the printed Registration Expires.
        case lastRegistration = "last_registration"
        /// A printed authorization state starts (`AUTHORIZATION EXPIRED on …`, `OUT OF COMPLIANCE on …`,
        /// `EVALUATION EXPIRED on …`).
        case authorizationSince = "authorization_since"
        /// The printed registration expiry of a `REGISTRATION EXPIRED` output: the registration ended then.
        case registrationExpiredSince = "registration_expired_since"
    }

    /// What the anchor places.
    public var kind: Kind
    /// Where it is placed.
    public var at: Date
    /// For state starts: the printed state (raw value of ``AuthorizationState`` or ``RegistrationState``).
    public var value: String?
    /// The printed instant a derived anchor is computed from (the deadline or expiry); nil for state starts.
    public var printed: Date?
    /// For a derived anchor: the deadline or expiry it arms — the printed one, or the printed start of the expired
    /// state when the same output prints one (the product's own statement of when it expired).
    public var arms: Date?
    /// How it was placed, in one sentence (`Communication Deadline printed 2018-04-26T09:36:59Z − 90 days`).
    public var basis: String
    /// Whether the instant is inferred (derived from a printed one) rather than printed itself.
    public var inferred: Bool
    /// The line that printed it.
    public var source: SourcePointer
    /// The registration status the same output prints, used when nothing earlier established the registration.
    public var printedRegistration: RegistrationState?

    /// The cause text a transition placed by this anchor carries.
    public var cause: String {
        inferred ? "derived from printed: \(basis)" : "printed: \(basis)"
    }

    /// At one instant, anchors apply in this order (registration before the authorization it enables).
    var rank: Int {
        switch kind {
        case .lastRegistration: return 0
        case .lastAuthorization: return 1
        case .authorizationSince: return 2
        case .registrationExpiredSince: return 3
        }
    }

    /// A total order: by instant, then rank, then source.
    static func order(_ a: PrintedAnchor, _ b: PrintedAnchor) -> Bool {
        if a.at != b.at { return a.at < b.at }
        if a.rank != b.rank { return a.rank < b.rank }
        return a.source < b.source
    }
}
