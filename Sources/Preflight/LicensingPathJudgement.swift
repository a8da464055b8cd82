import PacketIngest

/// What the answer to `GET <licensing path>` shows, kept apart from what is inferred from it.
///
/// Nothing public says how CSSM or a satellite answers a GET on its licensing path (the product POSTs there), so
/// every conclusion here is marked `[inferred]`; the observed part (status, host, path, `Server`, `Content-Type`,
/// `Via`, `Location`) is quoted as received.
struct LicensingPathJudgement: Equatable {
    /// Whether the licensing stage passes.
    var ok: Bool
    /// The ladder qualifier (`404`, `503`, `proxy 403`), nil when the stage passes without remark.
    var detail: String?
    /// The observation, then ` — ` and the inference.
    var summary: String
    /// A remark on a passing stage.
    var warning: String?

    /// Headers and body types that name a proxy or security appliance rather than a licensing service: the
    /// `Server` value (lower-cased) contains one of these. A short list of products whose names are unambiguous.
    static let proxyProducts = [
        "squid", "tinyproxy", "bluecoat", "proxysg", "zscaler", "fortigate", "fortiweb", "fortiproxy",
        "mcafee web gateway", "websense", "forcepoint", "sophos", "privoxy", "ccproxy", "wingate",
    ]

    /// Judges `head`, the answer of `host` to `GET path`.
    static func judge(_ head: LiveWire.ResponseHead, host: String, path: String) -> LicensingPathJudgement {
        let status = head.status
        let observed = "HTTP \(status)\(head.reason.isEmpty ? "" : " \(head.reason)") from \(host) for GET \(path)"
            + headerNotes(head)
        if let product = proxyProduct(head), status >= 400 {
            return .init(ok: false, detail: "proxy \(status)", summary: observed
                + " — the answer names \(product), a proxy or security appliance, so it came from a middlebox and not"
                + " from the licensing service [inferred from the headers]")
        }
        switch status {
        case 404:
            return .init(ok: false, detail: "404", summary: observed
                + " — the licensing service path did not answer as CSSM does: this server does not know the path"
                + " (a wrong URL, or not a licensing server) [inferred]")
        case 502, 503, 504:
            return .init(ok: false, detail: String(status), summary: observed
                + " — a gateway in front of the licensing service, or the service itself, reports it unavailable"
                + " [inferred]")
        case 500...599:
            return .init(ok: true, detail: String(status), summary: observed
                + " — a server error to a GET on a path the product POSTs to; this neither shows the service down nor"
                + " up [inferred]", warning: "HTTP \(status) to the GET: licensing path not confirmed")
        case 300...399:
            let location = head.header("location").map { " to \($0)" } ?? ""
            return .init(ok: true, detail: String(status), summary: observed
                + " — redirected\(location); the product does not follow redirects to a login page [inferred]",
                warning: "redirected\(location): a captive portal or proxy login page would stop the product [inferred]")
        default:
            let warning = proxyProduct(head).map { "the answer names \($0) (a proxy or security appliance) [inferred]" }
            return .init(ok: true, detail: nil, summary: observed
                + " — the path answered; the product POSTs there, so any answer but 404 or a gateway error shows it is"
                + " reachable [inferred]", warning: warning)
        }
    }

    /// `(Server: squid/5.7; Content-Type: text/html)`, or empty.
    private static func headerNotes(_ head: LiveWire.ResponseHead) -> String {
        let notes = [("Server", "server"), ("Content-Type", "content-type"), ("Via", "via")].compactMap { label, name in
            head.header(name).map { "\(label): \(String($0.prefix(80)))" }
        }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
    }

    /// The proxy or appliance the headers name, if any (`squid`, from `Server: squid/5.7` or `X-Squid-Error`).
    static func proxyProduct(_ head: LiveWire.ResponseHead) -> String? {
        if head.header("x-squid-error") != nil { return "squid (X-Squid-Error)" }
        let server = head.header("server")?.lowercased() ?? ""
        return proxyProducts.first { server.contains($0) }.map { "\($0) (Server: \(head.header("server") ?? ""))" }
    }
}
