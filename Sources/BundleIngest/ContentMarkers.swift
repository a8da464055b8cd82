/// The literal markers that identify each text class, taken from real outputs (see domain-notes §1–§3).
/// A line votes for the first class whose marker it contains, in the order of `ContentMarkers.ordered`
/// (CLI last: its words also appear inside trace messages).
enum ContentMarkers {
    /// `%FACILITY-SEVERITY-MNEMONIC` messages of the Smart Agent and Call Home (domain-notes §2.1).
    static let syslog = ["%SMART_LIC-", "%CALL_HOME-", "%LICENSE-SMART_LIC-"]

    /// RTMT alert names (domain-notes §1.5, pre-SU4 and SU4 names).
    static let rtmtAlerts = [
        "SmartLicenseInEval", "SmartLicenseNoProvision_", "SmartLicenseInOverage_", "SmartLicenseRegistrationExpire",
        "SmartLicenseAuthorizationExpiringSoon", "SmartLicenseCommunicationError", "SmartLicenseRenewAuthFailed",
        "SmartLicenseRenewRegistrationFailed", "SmartLicenseExportControlNotAllowed", "SmartLicense_SLR_",
        "ProductInEval", "ProductEvalExpired", "ProductOutOfCompliance", "ProductRegistrationExpiringSoon",
        "ProductAuthorizationExpiringSoon", "ProductRegistrationExpired", "ProductAuthorizationExpired",
        "ProductCommunicationError",
    ]

    /// `utils service list` output.
    static let serviceList = [
        "Requesting service status, please wait", "[STARTED]", "[STOPPED]", "[NOT RUNNING]",
        "[Commanded Out of Service]", "[Service Not Activated]", "[Starting]", "utils service list",
    ]

    /// Java Smart Agent, Call Home and License Manager trace tokens (domain-notes §1.3).
    static let licenseLog = [
        "com.cisco.nesla", "com.callhome", "SmartAgent", "CuSlmSvr", "EmbeddedGCHCommunication",
        "com.cisco.ccm.slm", "SmartLicenseUtility",
    ]

    /// `show license all|status|summary|usage|UDI|tech support` output (domain-notes §3).
    static let cli = [
        "Smart Licensing is ", "Smart Licensing Status", "Registration:", "License Authorization",
        "UDI:", "Smart Account:", "Virtual Account:", "Next Renewal Attempt:", "Next Communication Attempt:",
        "License Usage:", "Smart Agent for Licensing:", "Initial Registration:", "Evaluation Period",
        "Transport:", "Product Information:", "Agent Version:",
        // A prompt with the command: a subscriber answers it with nothing, which is evidence too.
        "show license ",
    ]

    /// The classes in voting order: the most specific markers first.
    static let ordered: [(FileClass, [[UInt8]])] = [
        (.syslog, syslog), (.rtmtAlerts, rtmtAlerts), (.serviceList, serviceList), (.licenseLog, licenseLog), (.cli, cli),
    ].map { (fileClass, markers) in (fileClass, markers.map { Array($0.utf8) }) }

    /// Name fragments used only to break a tie between equally scored classes.
    static let nameHints: [(String, FileClass)] = [
        ("slm", .licenseLog), ("gch", .licenseLog), ("tp", .licenseLog), ("syslog", .syslog), ("messages", .syslog),
        ("alert", .rtmtAlerts), ("service", .serviceList), ("license", .cli),
    ]
}
