/// One timed stage of a pre-flight: `dns`, `tcp`, `proxy`, `tls`, `certificate`, `http`, `licensing` (the ladder
/// stages of `EventVocabulary.ladderStages`) and `clock`.
public struct PreflightStage: Sendable, Hashable, Codable {
    /// The stage name.
    public var name: String
    /// Whether it passed.
    public var ok: Bool
    /// A short qualifier shown in the ladder (`NXDOMAIN`, `407`, `TLS 1.3`, `unknown_ca`).
    public var detail: String?
    /// What was found: the precise failure reason, or what a passing stage observed.
    public var summary: String
    /// How long the stage took, in milliseconds.
    public var milliseconds: Double
    /// Something to know about a passing stage (interception suspected, a near-threshold skew), or nil.
    public var warning: String?

    /// Creates a stage.
    public init(name: String, ok: Bool, detail: String?, summary: String, milliseconds: Double, warning: String? = nil) {
        self.name = name
        self.ok = ok
        self.detail = detail
        self.summary = summary
        self.milliseconds = (milliseconds * 10).rounded() / 10
        self.warning = warning
    }

    /// The exit code that names a failing stage (documented in README, "licscope preflight").
    public static let exitCodes: [String: Int32] = [
        "dns": 10, "tcp": 11, "proxy": 12, "tls": 13, "certificate": 14, "http": 15, "licensing": 16, "clock": 17,
    ]
}
