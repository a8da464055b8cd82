/// What an entry's content was recognised as: the name the inventory shows (`parsed_as`). Readers name the kinds
/// they read (a new reader names its own); the registry names what no reader claimed (`text`, `binary`).
public struct ContentKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The name shown in the inventory.
    public var rawValue: String

    /// A kind named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A kind named `name`.
    public init(_ name: String) { rawValue = name }

    public var description: String { rawValue }

    /// A libpcap capture (``CaptureEvidenceReader``).
    public static let pcap = ContentKind("pcap")
    /// A pcapng capture (``CaptureEvidenceReader``).
    public static let pcapng = ContentKind("pcapng")
    /// `show license …` output (``ShowLicenseEvidenceReader``).
    public static let cli = ContentKind("cli")
    /// `utils service list` output (``CatalogLogEvidenceReader``).
    public static let serviceList = ContentKind("serviceList")
    /// A License Manager / Smart Agent / Call Home trace (``CatalogLogEvidenceReader``).
    public static let licenseLog = ContentKind("licenseLog")
    /// Syslog lines with Smart Licensing messages (``CatalogLogEvidenceReader``).
    public static let syslog = ContentKind("syslog")
    /// RTMT alert lines (``CatalogLogEvidenceReader``).
    public static let rtmtAlerts = ContentKind("rtmtAlerts")
    /// Text that no reader's markers claimed.
    public static let text = ContentKind("text")
    /// Binary content that no reader's signature claimed.
    public static let binary = ContentKind("binary")
    /// A container to expand first (zip, tar, gzip'd capture…): seen only by commands that classify a file
    /// before expanding it.
    public static let archive = ContentKind("archive")

    /// True for the capture kinds.
    public var isCapture: Bool { self == .pcap || self == .pcapng }
}
