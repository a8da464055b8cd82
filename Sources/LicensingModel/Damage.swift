/// A part of an input that could not be read as it should: which file, where in it (line, capture frame, byte
/// offset) and why. Every reader's damage is one of these — log lines, capture records, `show license` fields,
/// archive members — and any damage makes the input partly unreadable (exit code 3).
public struct Damage: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How the damage is written where it is reported (each reader's established wording, kept so reports and
    /// warnings read as they always have).
    public enum Form: String, Hashable, Sendable, Codable {
        /// `file:line: reason`, `file@offset: reason` or `file: reason` (log readers).
        case pointer
        /// `reason (offset N, frame M)`: the file is the inventory line's (capture readers).
        case position
        /// `line N: reason`: the file is the output's (`show license` fields).
        case lineLabel
        /// `reason` alone, which says where (archive members: `truncated at compressed offset 600`).
        case reason
    }

    /// The file's path as users see it (`bundle.zip!slm.log`); empty until the reader that found it names it.
    public var file: String
    /// The 1-based line of the (decompressed) text.
    public var line: Int?
    /// The 1-based number the damaged capture frame would have had.
    public var frame: Int?
    /// The 0-based byte offset in the file where the damage starts.
    public var offset: Int?
    /// What is wrong (`invalid UTF-8; decoded with replacement characters`).
    public var reason: String
    /// How it is written.
    public var form: Form

    /// Damage at `source` (a line, byte offset or the whole file), written `pointer: reason`.
    public init(_ reason: String, at source: SourcePointer) {
        self.init(file: source.path, reason: reason, form: .pointer)
        switch source.location {
        case .line(let n): line = n
        case .frame(let n): frame = n
        case .offset(let n): offset = n
        case .file: break
        }
    }

    /// Damage in a capture, at a byte offset and the frame it would have been (either may be unknown).
    public init(capture reason: String, offset: Int?, frame: Int?, file: String = "") {
        self.init(file: file, reason: reason, form: .position)
        self.offset = offset
        self.frame = frame
    }

    /// A field of a text output that could not be read, at `line`.
    public init(field reason: String, line: Int, file: String = "") {
        self.init(file: file, reason: reason, form: .lineLabel)
        self.line = line
    }

    /// Damage whose reason says where it is.
    public init(_ reason: String, file: String) {
        self.init(file: file, reason: reason, form: .reason)
    }

    private init(file: String, reason: String, form: Form) {
        self.file = file
        self.reason = reason
        self.form = form
    }

    /// Where: the line, else the frame, else the byte offset, else the file.
    public var source: SourcePointer {
        if let line { return .line(file, line) }
        if let frame { return .frame(file, frame) }
        if let offset { return SourcePointer(path: file, location: .offset(offset)) }
        return SourcePointer(path: file, location: .file)
    }

    /// This damage, named as being in `file` when its reader did not know the file's name.
    public func named(_ file: String) -> Damage {
        guard self.file.isEmpty else { return self }
        var copy = self
        copy.file = file
        return copy
    }

    /// The damage as its form writes it.
    public var description: String {
        switch form {
        case .pointer: return "\(source): \(reason)"
        case .position:
            let parts = [offset.map { "offset \($0)" }, frame.map { "frame \($0)" }].compactMap { $0 }
            return parts.isEmpty ? reason : "\(reason) (\(parts.joined(separator: ", ")))"
        case .lineLabel: return line.map { "line \($0): \(reason)" } ?? reason
        case .reason: return reason
        }
    }
}
