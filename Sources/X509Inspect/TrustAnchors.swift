import Foundation

/// The public roots shipped with licscope (copied from Debian's `ca-certificates`, see `TrustAnchors/SOURCE.md`),
/// so a chain verdict never depends on the machine it runs on.
public enum TrustAnchors {
    /// One bundled root.
    public struct Anchor: Sendable, Hashable {
        /// The file name inside `TrustAnchors/`.
        public var fileName: String
        /// The root's DER encoding.
        public var der: [UInt8]
        /// The parsed root.
        public var info: CertificateInfo
    }

    /// Every bundled root, sorted by file name; empty only if the resource bundle is missing.
    public static let bundled: [Anchor] = loadBundled()

    /// SHA-256 fingerprints of the bundled roots.
    public static var bundledFingerprints: Set<String> { Set(bundled.map(\.info.sha256Hex)) }

    private static func loadBundled() -> [Anchor] {
        guard let dir = Bundle.module.url(forResource: "TrustAnchors", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        var anchors: [Anchor] = []
        for name in names.sorted() where name.hasSuffix(".pem") {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            for der in CertificateParser.derCertificates(fromPEM: text) {
                if let info = CertificateParser.parse(der: der) {
                    anchors.append(Anchor(fileName: name, der: der, info: info))
                }
            }
        }
        return anchors
    }
}
