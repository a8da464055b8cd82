import BundleIngest
import Foundation
import PacketIngest
import Rules
import TextIngest
import X509Inspect

/// One libFuzzer target: a parser (or a whole reader) driven by arbitrary bytes. Each target must end, never trap,
/// and never leave files behind, whatever the bytes; the fuzz driver (`licscope-fuzz`) reports a crash otherwise.
///
/// Targets that read files write the bytes into one private scratch directory first (the readers take paths).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A whole capture file (pcap or pcapng, from the link layer to TLS and HTTP).
    case capture
    /// Bytes as the payload of one UDP/53 packet in a synthetic capture (the DNS decoder).
    case dns
    /// Bytes as the client payload of one TCP/80 flow in a synthetic capture (the HTTP head parser).
    case http
    /// Bytes as the server payload of one TCP/443 flow in a synthetic capture (TLS records, certificates).
    case tls
    /// Bytes after a pcapng section header (the block reader, options, timestamps).
    case pcapng
    /// A DER certificate (X.509 handling through OpenSSL and the chain verifier).
    case x509
    /// A `show license …` output.
    case showLicense = "show-license"
    /// A trace or log file (timestamps, the message catalog).
    case trace
    /// An archive (zip, tar, gzip, nested) opened as a bundle.
    case archive
    /// A rule file.
    case rule
    /// A message catalog file.
    case catalog

    /// Runs the target on `bytes`.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .capture: FuzzCaptures.analyze(bytes)
        case .dns: FuzzCaptures.analyze(SyntheticCapture.udp(port: 53, payload: bytes))
        case .http: FuzzCaptures.analyze(SyntheticCapture.tcp(clientPort: 80, client: bytes, server: []))
        case .tls: FuzzCaptures.analyze(SyntheticCapture.tcp(clientPort: 443, client: [], server: bytes))
        case .pcapng: FuzzCaptures.analyze(SyntheticCapture.pcapngSectionHeader + bytes)
        case .x509: FuzzText.certificate(bytes)
        case .showLicense: FuzzText.showLicense(bytes)
        case .trace: FuzzText.trace(bytes)
        case .archive: FuzzArchives.open(bytes)
        case .rule: FuzzText.rule(bytes)
        case .catalog: FuzzText.catalog(bytes)
        }
    }
}
