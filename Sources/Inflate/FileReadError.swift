/// A file could not be opened or read (as opposed to `InflateError`, which is about its compressed content).
public struct FileReadError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The byte offset of the failed read (0 for open failures).
    public var offset: Int
    /// The system's explanation (`strerror`).
    public var message: String

    /// Creates an error.
    public init(path: String, offset: Int, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    /// `cannot read slm.log at offset 0: No such file or directory`.
    public var description: String { "cannot read \(path) at offset \(offset): \(message)" }
}
