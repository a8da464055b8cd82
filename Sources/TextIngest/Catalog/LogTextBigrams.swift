/// How often byte pairs occur in License Manager trace text, estimated from a real Java Smart Agent trace sample
/// (TAC-217535, domain-notes §1.3). The prefilter uses it to key each anchor on its rarest stretch.
enum LogTextBigrams {
    /// The estimated weight of the pair `a b` (higher is more common).
    static func weight(_ a: UInt8, _ b: UInt8) -> Int {
        counts[Int(a) << 8 | Int(b)] * 4 + LiteralPrefilter.frequency(a) * LiteralPrefilter.frequency(b) / 200
    }

    private static let counts: [Int] = {
        var c = [Int](repeating: 0, count: 65536)
        let bytes = Array(sample.utf8)
        for i in 0..<(bytes.count - 1) { c[Int(bytes[i]) << 8 | Int(bytes[i + 1])] += 1 }
        return c
    }()

    private static let sample = """
        19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] com.cisco.unity.slm.common.SmartLicenseUtility#isSttEnabled - STT Enabled Status :1
        19:19:03.403 |8060,,,CuSlmSvr,4,18-08-2020 DEBUG [SLM-12] com.cisco.nesla.plugin.DefaultCrypto#parseCertificate - getSubjectDN().getName: CN=Cisco Unity Connection,2.5.4.5=#1324...,O=Cisco
        19:19:03.403 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] com.cisco.unity.slm.crypto.CustomCrypto#extractCertificateType - Matched subjectDnName - CN=Cisco Unity Connection, SERIALNUMBER=4d47df04-ae89-4df6-bc15-d17c1a3f153f, O=Cisco, pattern1=CN=.*SERIALNUMBER.*, match1=true, pattern2=O=.*SERIALNUMBER=.*CN=.*, match2=false, returning certificate = ID_CERT
        19:19:03.417 |8060,,,CuSlmSvr,4,18-08-2020 DEBUG [SLM-12] com.cisco.nesla.plugin.EmbeddedGCHCommunication#sendSCHMessage - EmbeddedGCHCommunication [callHomeProps={devUrl=https://tools.cisco.com/its/service/oddce/services/DDCEService}, url=https://tools.cisco.com/its/service/oddce/services/DDCEService, transportMode=TransportCallHome, parentFactory=com.cisco.nesla.agent.SmartAgentFactory@158cfc5, gchClient=com.callhome.service.CallHome@cb4b0, SA_PROFILE=null, dualUrl=null]
        19:19:03.418 |8060,,,CuSlmSvr,6,18-08-2020 DEBUG [SLM-12] com.callhome.module.message_processor.BaseMessage#setInternalReqData - Set request data: Session_To = http://tools.cisco.com/neddce/services/DDCEService
        19:19:03.422 |8060,,,CuSlmSvr,6,18-08-2020 INFO [SLM-12] com.callhome.module.data.statistics.StatisticsMgr#updateSLStatistics - update Smart Lincense Statistics Data
        19:19:03.429 |8060,,,CuSlmSvr,6,18-08-2020 INFO [SLM-12] com.callhome.module.message_processor.BaseMessage#makeAmlBlockAttachment - create attachment for smart_licensing_data with type inline
        19:19:04.741 |8060,,,CuSlmSvr,6,18-08-2020 DEBUG [SLM-12] com.callhome.module.message_processor.BaseMessage#processResponseMessage - Process response message
        19:10:22.430 |2334,,,CuSlmSvr,4,18-08-2020 DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true
        """
}
