/// Short samples of each content class, shaped like the real outputs quoted in domain-notes.
public enum Samples {
    public static let cli = """
        Smart Licensing is ENABLED.

        Registration:
          Status: REGISTERED
          Smart Account: BU Production Test
          Virtual Account: TAC-CollabTesting
          Last Renewal Attempt: None
          Next Renewal Attempt: Jul 25 15:11:23 2018 IST

        License Authorization:
          Status: AUTHORIZED
          Last Communication Attempt: SUCCEEDED
          Next Communication Attempt: Feb 25 15:12:59 2018 IST

        """

    public static let serviceList = """
        Requesting service status, please wait...
        System SSH[STARTED]
        Cisco DB[STARTED]
        Cisco Tomcat[STARTED]
        Cisco Smart License Manager[STOPPED]  Commanded Out of Service
        Cisco CallManager Serviceability[STARTED]

        """

    public static let licenseLog = """
        19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] com.cisco.unity.slm.common.SmartLicenseUtility#isSttEnabled - STT Enabled Status :1
        19:19:03.417 |8060,,,CuSlmSvr,4,18-08-2020 DEBUG [SLM-12] com.cisco.nesla.plugin.EmbeddedGCHCommunication#sendSCHMessage - in sendMessage()
        19:19:03.417 |8060,,,CuSlmSvr,6,18-08-2020 INFO [SLM-12] com.callhome.module.config_manager.ProfileManager#resetProfileHttpAddr - reset http url Cisco-TAC-1
        19:19:04.789 |8060,,,CuSlmSvr,3,18-08-2020 ERROR [SLM-12] com.cisco.unity.slm.rpc.server.SlmRpcHandler# fetchThirdPartyKeys - LicenseResponse status code: FAILED

        """

    public static let log4jOnly = """
        2018-01-26 15:11:23,123 INFO  [main] x.y.Startup - started
        2018-01-26 15:11:24,456 DEBUG [worker-1] x.y.Worker - polling
        2018-01-26 15:11:25,789 WARN  [worker-1] x.y.Worker - slow

        """

    public static let syslog = """
        Feb 25 15:12:59 router1 %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message.
        Feb 25 15:13:00 router1 %CALL_HOME-5-SL_MESSAGE_FAILED: Fail to send out Smart Licensing message to: https://tools.cisco.com/its/service/oddce/services/DDCEService (ERR 207 : Connection time out)

        """

    public static let rtmtAlerts = """
        Feb 25 15:12:59 cucm-pub AlertName: SmartLicenseCommunicationError raised
        Feb 26 15:12:59 cucm-pub AlertName: SmartLicenseRenewAuthFailed raised
        Mar 01 09:00:00 cucm-pub AlertName: ProductAuthorizationExpiringSoon raised

        """

    public static let plainText = "This bundle was collected on site.\nPlease call back.\n"

    /// A 24-byte pcap global header (little-endian, microseconds, Ethernet).
    public static let pcapHeaderLE: [UInt8] = [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0] + [UInt8](repeating: 0, count: 8)
        + [0xff, 0xff, 0, 0, 1, 0, 0, 0]

    /// A pcapng section header block (little-endian).
    public static let pcapngHeader: [UInt8] = [0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0]
        + [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0]

    /// Binary junk (contains NULs and control bytes).
    public static let junk: [UInt8] = (0..<2048).map { UInt8(($0 * 37 + 11) % 256) }
}
