import Foundation

/// Registration status as CUCM documents it (TAC-212915): Unidentified/Unregistered, Registered,
/// Unregistered-registration expired.
public enum RegistrationState: String, Hashable, Sendable, Codable, CaseIterable {
    case unregistered = "UNREGISTERED"
    case registered = "REGISTERED"
    case registrationExpired = "REGISTRATION EXPIRED"

    /// Reads the CLI's `Status:` value (`UNREGISTERED`, `UNIDENTIFIED`, `REGISTERED`, `REGISTRATION EXPIRED`, …).
    public init?(cliText: String) {
        let t = cliText.uppercased().replacingOccurrences(of: "-", with: " ")
        if t.contains("EXPIRED") { self = .registrationExpired }
        else if t.contains("UNREGISTERED") || t.contains("UNIDENTIFIED") || t.contains("NOT REGISTERED") {
            self = .unregistered
        } else if t.hasPrefix("REGISTERED") || t == "REGISTERED" { self = .registered }
        else { return nil }
    }
}

/// Authorization status as CUCM documents it (TAC-212915).
public enum AuthorizationState: String, Hashable, Sendable, Codable, CaseIterable {
    case noLicensesInUse = "NO LICENSES IN USE"
    case evaluation = "EVALUATION MODE"
    case evaluationExpired = "EVALUATION EXPIRED"
    case authorized = "AUTHORIZED"
    case outOfCompliance = "OUT OF COMPLIANCE"
    case authorizationExpired = "AUTHORIZATION EXPIRED"

    /// Reads the CLI's `Status:` value, tolerating the variants seen in the field (`EVAL MODE`,
    /// `EVALUATION MODE`, `EVAL EXPIRED`, `No Licenses in Use`, `IN COMPLIANCE`, …).
    public init?(cliText: String) {
        let t = cliText.uppercased()
        if t.contains("AUTHORIZATION EXPIRED") || t.contains("AUTH EXPIRED") { self = .authorizationExpired }
        else if t.contains("EVAL") && t.contains("EXPIRED") { self = .evaluationExpired }
        else if t.contains("EVAL") { self = .evaluation }
        else if t.contains("OUT OF COMPLIANCE") || t.contains("OUTOFCOMPLIANCE") { self = .outOfCompliance }
        else if t.contains("NO LICENSE") { self = .noLicensesInUse }
        else if t.hasPrefix("AUTHORIZED") || t.contains("IN COMPLIANCE") { self = .authorized }
        else { return nil }
    }
}

/// CUCM's own enforcement on top of the agent's states: a 90-day overage period, then no provisioning
/// of users or devices (CUCM 15 Feature Configuration Guide; RTMT `SmartLicenseInOverage_*` / `SmartLicenseNoProvision_*`).
public enum EnforcementState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing enforced.
    case none = "NONE"
    /// Out of compliance or authorization expired, within the 90-day overage period.
    case overage = "OVERAGE"
    /// Overage ended (or evaluation expired unregistered): users and devices cannot be provisioned.
    case noProvisioning = "NO PROVISIONING"
}

/// How the product reaches Cisco.
public enum TransportMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Straight to CSSM (tools.cisco.com), the CUCM default.
    case direct
    /// Through an HTTP(S) proxy, CONNECT to CSSM.
    case proxy
    /// To an on-premises SSM satellite / On-Prem (mediated model).
    case satellite
    /// Through a transport gateway URL.
    case gateway
    /// Specific License Reservation: no communication is expected.
    case slr

    /// Reads `Mode: Direct`, `Type: Callhome`, `transport proxy`, `Smart`, `ssm-satellite`, `Reservation` and the like.
    public init?(cliText: String) {
        let t = cliText.lowercased()
        if t.contains("reserv") || t == "slr" { self = .slr }
        else if t.contains("satellite") || t.contains("on-prem") || t.contains("onprem") { self = .satellite }
        else if t.contains("gateway") { self = .gateway }
        else if t.contains("proxy") { self = .proxy }
        else if t.contains("direct") || t.contains("callhome") || t.contains("call home") || t == "smart"
            || t.contains("cloud") { self = .direct }
        else { return nil }
    }
}
