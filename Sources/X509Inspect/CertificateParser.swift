internal import COpenSSL
import Foundation

/// Decodes certificates with OpenSSL into ``CertificateInfo``.
public enum CertificateParser {
    /// Parses one DER certificate; nil when it is not a certificate OpenSSL can decode.
    public static func parse(der: [UInt8]) -> CertificateInfo? {
        guard let handle = X509Handle(der: der) else { return nil }
        return info(of: handle, der: der)
    }

    /// The DER blocks of every certificate in a PEM text.
    public static func derCertificates(fromPEM pem: String) -> [[UInt8]] {
        X509Handle.derBlocks(fromPEM: pem)
    }

    static func info(of handle: X509Handle, der: [UInt8]) -> CertificateInfo {
        let x = handle.pointer
        let subject = name(X509_get_subject_name(x))
        let issuer = name(X509_get_issuer_name(x))
        return CertificateInfo(
            subject: subject, issuer: issuer, serialHex: serial(x),
            notBefore: date(X509_get0_notBefore(x)), notAfter: date(X509_get0_notAfter(x)),
            subjectAltDNSNames: dnsNames(x), sha256Hex: sha256Hex(der),
            isSelfIssued: X509_NAME_cmp(X509_get_subject_name(x), X509_get_issuer_name(x)) == 0)
    }

    /// A name in RFC 2253 form, read through a memory BIO.
    static func name(_ n: OpaquePointer?) -> String {
        guard let n, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, n, 0, licscope_XN_FLAG_RFC2253()) >= 0 else { return "" }
        return bioText(bio)
    }

    static func bioText(_ bio: OpaquePointer) -> String {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = licscope_BIO_get_mem_data(bio, &pointer)
        guard length > 0, let pointer else { return "" }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func serial(_ x: OpaquePointer) -> String {
        guard let integer = X509_get_serialNumber(x), let bn = ASN1_INTEGER_to_BN(integer, nil) else { return "" }
        defer { BN_free(bn) }
        guard let hex = BN_bn2hex(bn) else { return "" }
        defer { licscope_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    static func date(_ t: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let t else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(t, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// DNS names from subjectAltName, read from OpenSSL's printed form (`DNS:a, DNS:b, IP Address:…`).
    static func dnsNames(_ x: OpaquePointer) -> [String] {
        let index = X509_get_ext_by_NID(x, NID_subject_alt_name, -1)
        guard index >= 0, let ext = X509_get_ext(x, index), let bio = BIO_new(BIO_s_mem()) else { return [] }
        defer { BIO_free(bio) }
        guard X509V3_EXT_print(bio, ext, 0, 0) == 1 else { return [] }
        return bioText(bio).components(separatedBy: ", ").compactMap { entry in
            entry.hasPrefix("DNS:") ? String(entry.dropFirst(4)) : nil
        }
    }

    /// SHA-256 of `bytes`, lower-case hex.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { buf in
            _ = SHA256(buf.baseAddress, buf.count, &digest)
        }
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
