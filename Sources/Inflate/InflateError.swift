/// Why decompression stopped. Carries the compressed byte offset at (or just past) the damage.
public struct InflateError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The input ended before the compressed stream did.
        case truncated
        /// The input is not a valid stream (bad header, bad code, checksum mismatch, trailing garbage).
        case corrupt
        /// The output would exceed the caller's limit (decompression bomb protection).
        case limitExceeded
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The 0-based offset into the compressed input where decoding stopped.
    /// zlib reads a few bytes ahead, so for `.corrupt` this is at or slightly past the damaged byte.
    public var offset: Int
    /// A human-readable explanation (zlib's own message when it gave one).
    public var message: String

    /// Creates an error.
    public init(kind: Kind, offset: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    /// `truncated at compressed offset 123: unexpected end of compressed data`.
    public var description: String {
        "\(kind.rawValue) at compressed offset \(offset): \(message)"
    }
}
