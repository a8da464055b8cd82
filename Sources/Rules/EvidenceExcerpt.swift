import Foundation
import LicensingModel

/// The excerpt a capture item shows: capture events have no source text, so their decisive fields are put in
/// words — the connection ladder and its failure, the proxy's answer to the CONNECT, the presented chain with
/// its issuer and root. Text evidence keeps its own line.
public enum EvidenceExcerpt {
    /// The excerpt for an item read from a capture frame; `excerpt` is what the reader set, if anything.
    public static func forFrame(label: String, fields: [String: FieldValue], excerpt: String?) -> String? {
        guard !fields.isEmpty else { return excerpt }
        func f(_ name: String) -> String? { fields[name].map(\.text).flatMap { $0.isEmpty ? nil : $0 } }
        switch label {
        case "connectivity.attempt":
            let ladder = f("ladder") ?? excerpt
            let head = [f("endpoint"), f("proxy").map { "via proxy \($0)" }].compactMap { $0 }.joined(separator: " ")
            let line = [head.isEmpty ? nil : head + ":", ladder].compactMap { $0 }.joined(separator: " ")
            return [line, f("failure")].compactMap { $0 }.joined(separator: "\n")
        case "proxy.connect":
            let request = excerpt ?? f("target").map { "CONNECT \($0)" } ?? "CONNECT"
            guard let status = f("status") else { return request + " → no answer" }
            var answer = "\(request) → \(status) \(f("reason_phrase") ?? "")".trimmingCharacters(in: .whitespaces)
            if let auth = f("proxy_authenticate") { answer += " (Proxy-Authenticate: \(auth))" }
            return answer
        case "tls.handshake":
            var lines = ["TLS \(f("sni") ?? "(no SNI)") → \(f("dst") ?? "?"):\(f("dst_port") ?? "?"): \(f("outcome") ?? "?")"
                + (f("alert").map { ", \(f("alert_sender") ?? "") alert \($0)" } ?? "")]
            if let chain = fields["chain"], case .list(let certs) = chain, !certs.isEmpty {
                lines.append("presented chain: " + certs.map(\.text).joined(separator: " ← "))
            } else if let leaf = f("leaf_subject") {
                lines.append("leaf: \(leaf)")
            }
            if let issuer = f("leaf_issuer") { lines.append("leaf issuer: \(issuer)") }
            if let root = f("root_issuer") { lines.append("root: \(root) (chain \(f("chain_verdict") ?? "?"))") }
            else if let verdict = f("chain_verdict") { lines.append("chain: \(verdict)") }
            if let detail = f("chain_detail") { lines.append(detail) }
            return lines.joined(separator: "\n")
        default:
            if let excerpt { return excerpt }
            let shown = fields.keys.sorted().filter { !["frames", "id"].contains($0) }.map { "\($0)=\(fields[$0]!.text)" }
            return shown.isEmpty ? nil : label + " " + shown.joined(separator: " ")
        }
    }
}
