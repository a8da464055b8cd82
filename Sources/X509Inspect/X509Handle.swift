internal import COpenSSL
import Foundation

/// Owns one OpenSSL `X509*` decoded from DER; frees it on deinit.
final class X509Handle {
    let pointer: OpaquePointer

    /// Decodes DER; nil when OpenSSL rejects the bytes (trailing garbage is rejected too).
    init?(der: [UInt8]) {
        guard !der.isEmpty, der.count < Int(Int32.max) else { return nil }
        var decoded: OpaquePointer?
        var consumed = 0
        der.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var cursor: UnsafePointer<UInt8>? = base
            decoded = d2i_X509(nil, &cursor, buf.count)
            if let c = cursor { consumed = base.distance(to: c) }
        }
        guard let x = decoded else {
            ERR_clear_error()
            return nil
        }
        guard consumed == der.count else {
            X509_free(x)
            return nil
        }
        pointer = x
    }

    deinit { X509_free(pointer) }

    /// The DER blocks of every `CERTIFICATE` in a PEM text (other blocks are skipped).
    static func derBlocks(fromPEM pem: String) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var inside = false
        var base64 = ""
        for rawLine in pem.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line == "-----BEGIN CERTIFICATE-----" || line == "-----BEGIN TRUSTED CERTIFICATE-----" {
                inside = true
                base64 = ""
            } else if line.hasPrefix("-----END ") {
                if inside, let data = Data(base64Encoded: base64) { blocks.append([UInt8](data)) }
                inside = false
            } else if inside {
                base64 += line
            }
        }
        return blocks
    }
}
