import Foundation

/// Where a piece of evidence came from: `path:line` for text, `path#frame` for captures
/// (1-based, as Wireshark numbers frames), `path@offset` for a byte position in a binary file.
public struct SourcePointer: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The position inside the file.
    public enum Location: Hashable, Sendable {
        /// A 1-based line number in a text file.
        case line(Int)
        /// A 1-based frame number in a capture.
        case frame(Int)
        /// A 0-based byte offset in a file.
        case offset(Int)
        /// The file as a whole (a synthesized or whole-file observation).
        case file
    }

    /// The file's path as the user gave it (or its path inside a bundle, `bundle.zip!inner/slm.log`).
    public var path: String
    /// The position inside `path`.
    public var location: Location

    /// Creates a pointer.
    public init(path: String, location: Location) {
        self.path = path
        self.location = location
    }

    /// A pointer to a 1-based line of a text file.
    public static func line(_ path: String, _ line: Int) -> SourcePointer { .init(path: path, location: .line(line)) }
    /// A pointer to a 1-based frame of a capture.
    public static func frame(_ path: String, _ frame: Int) -> SourcePointer { .init(path: path, location: .frame(frame)) }

    /// `path:line`, `path#frame`, `path@offset` or `path`.
    public var description: String {
        switch location {
        case .line(let n): return "\(path):\(n)"
        case .frame(let n): return "\(path)#\(n)"
        case .offset(let n): return "\(path)@\(n)"
        case .file: return path
        }
    }

    /// Orders by path, then by position, so evidence lists read top to bottom.
    public static func < (lhs: SourcePointer, rhs: SourcePointer) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        return lhs.location.sortKey < rhs.location.sortKey
    }
}

extension SourcePointer.Location {
    /// The number pointers of one path sort by (a whole file first).
    var sortKey: Int {
        switch self {
        case .line(let n), .frame(let n), .offset(let n): return n
        case .file: return -1
        }
    }
}

/// JSON form: flat and obvious — `{"path": "slm.log", "line": 131}`, `{"path": "packets.cap", "frame": 12}`,
/// `{"path": "x.bin", "offset": 4096}`, or `{"path": "engine"}` for a whole file — plus `"pointer": "slm.log:131"`,
/// the same text reports print.
extension SourcePointer: Codable {
    private enum CodingKeys: String, CodingKey { case path, line, frame, offset, pointer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        if let n = try c.decodeIfPresent(Int.self, forKey: .line) { location = .line(n) }
        else if let n = try c.decodeIfPresent(Int.self, forKey: .frame) { location = .frame(n) }
        else if let n = try c.decodeIfPresent(Int.self, forKey: .offset) { location = .offset(n) }
        else { location = .file }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        switch location {
        case .line(let n): try c.encode(n, forKey: .line)
        case .frame(let n): try c.encode(n, forKey: .frame)
        case .offset(let n): try c.encode(n, forKey: .offset)
        case .file: break
        }
        try c.encode(description, forKey: .pointer)
    }
}
