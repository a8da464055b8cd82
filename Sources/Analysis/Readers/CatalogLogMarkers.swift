/// The literal markers that recognise the text kinds the message catalog reads, taken from real outputs
/// (domain-notes §1–§2), most specific first.
enum CatalogLogMarkers {
    /// Syslog, RTMT alerts, `utils service list`, then License Manager traces (whose timestamped lines also vote
    /// for them when they quote nothing more specific).
    static let all: [TextMarkers] = [
        TextMarkers(.syslog, markers: syslog, nameHints: ["syslog", "messages"]),
        TextMarkers(.rtmtAlerts, markers: rtmtAlerts, nameHints: ["alert"]),
        TextMarkers(.serviceList, markers: serviceList, nameHints: ["service"]),
        TextMarkers(.licenseLog, markers: licenseLog, nameHints: ["slm", "gch", "tp"],
                    layout: TraceLineLayout.isTimestampedLogLine),
    ]

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
}
