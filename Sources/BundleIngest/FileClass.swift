/// What a file's content is, decided from its first bytes (never from its name).
public enum FileClass: String, Sendable, Codable, Hashable, CaseIterable {
    /// A libpcap capture (either byte order, microsecond or nanosecond timestamps).
    case pcap
    /// A pcapng capture.
    case pcapng
    /// `show license …` CLI output.
    case cli
    /// `utils service list` output.
    case serviceList
    /// A License Manager / Java Smart Agent / Call Home trace (`slm.log`, `gch.log`, CuSlmSvr traces).
    case licenseLog
    /// Syslog lines with `%SMART_LIC-` / `%CALL_HOME-` messages.
    case syslog
    /// RTMT alert lines naming Smart Licensing alerts.
    case rtmtAlerts
    /// A container (zip, tar, gzip, or an unsupported archive format); expanded, not parsed.
    case archive
    /// Binary content that is none of the above.
    case binary
    /// Text with none of the markers above.
    case text
    /// Not examined: refused or lost before any content could be read.
    case unknown

    /// True for the classes a text parser or capture reader can turn into events.
    public var isParseable: Bool {
        switch self {
        case .pcap, .pcapng, .cli, .serviceList, .licenseLog, .syslog, .rtmtAlerts: return true
        case .archive, .binary, .text, .unknown: return false
        }
    }

    /// True for captures (read by the packet ingester), false for text and the rest.
    public var isCapture: Bool { self == .pcap || self == .pcapng }
}
