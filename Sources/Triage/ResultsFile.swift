import Foundation

/// The results file (`--out`): JSON Lines, one `TriageRecord` per bundle, appended whole with one `write(2)` on an
/// `O_APPEND` descriptor, so an interrupted run leaves only complete lines — except after a crash mid-write, whose
/// truncated last line is cut off when the file is opened again.
public final class ResultsFile: @unchecked Sendable {
    /// The file's path.
    public let path: String
    private let descriptor: Int32
    private let lock = NSLock()

    /// What was in the file when it was opened.
    public struct Existing: Sendable {
        /// Complete, valid lines.
        public var records: [TriageRecord] = []
        /// Bytes of a truncated last line that were cut off (0 when the file ended cleanly).
        public var repairedBytes = 0
        /// Complete lines that are not triage records (left in place, not counted).
        public var invalidLines = 0
    }

    /// Opens (creating) the file for appending, after cutting off a truncated last line.
    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ResultsFileError(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    /// Reads the file: its valid records, and repairs a truncated last line (a crash mid-write) by truncating it.
    public func loadAndRepair() throws -> Existing {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ResultsFileError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        var existing = Self.parse(data)
        let lastNewline = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        if lastNewline < data.count {
            existing.repairedBytes = data.count - lastNewline
            guard ftruncate(descriptor, off_t(lastNewline)) == 0 else {
                throw ResultsFileError(path: path, reason: "cannot cut off a truncated line: \(String(cString: strerror(errno)))")
            }
        }
        return existing
    }

    /// The complete lines of `data` that are triage records (a last line without its newline is not complete).
    public static func parse(_ data: Data) -> Existing {
        var existing = Existing()
        let decoder = TriageRecord.decoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a truncated line
        for line in lines where !line.isEmpty {
            if let record = try? decoder.decode(TriageRecord.self, from: line), record.schema == TriageRecord.schemaName {
                existing.records.append(record)
            } else {
                existing.invalidLines += 1
            }
        }
        return existing
    }

    /// Appends one record as one whole line.
    public func append(_ record: TriageRecord) throws {
        let line = try record.line()
        lock.lock()
        defer { lock.unlock() }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw ResultsFileError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
    }
}

/// The results file could not be read or written.
public struct ResultsFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
