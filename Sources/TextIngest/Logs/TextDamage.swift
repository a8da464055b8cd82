import LicensingModel

/// A part of a text input that could not be read as it should: where (`path:line` or `path@offset`) and what.
/// A non-empty damage list means the input was partly unreadable (exit code 3).
public struct TextDamage: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where: a 1-based line of the decompressed text, or a byte offset (in the file, for gzip damage).
    public var source: SourcePointer
    /// What happened (`invalid UTF-8; decoded with replacement characters`).
    public var message: String

    /// Creates a damage record.
    public init(source: SourcePointer, message: String) {
        self.source = source
        self.message = message
    }

    /// `path:line: message`.
    public var description: String { "\(source): \(message)" }
}
