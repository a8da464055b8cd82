/// A data file (a rule, a catalog entry) that cannot be loaded, with the exact place: `file:line:column: message`.
///
/// Lines and columns are 1-based, as editors and compilers print them; 0 means the position is unknown.
public struct PositionedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as it was given.
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` when the position is unknown.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    /// `line:column: message`, the form invalid-rule fixtures state their expectation in.
    public var positionedMessage: String { "\(line):\(column): \(message)" }
}
