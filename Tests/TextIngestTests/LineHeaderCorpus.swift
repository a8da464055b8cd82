import Foundation
import Inflate
@testable import TextIngest

/// The expected ``LineHeader`` of many line heads, stored in `Fixtures/line-heads/heads.jsonl.gz` so that any change
/// of the head parser's behaviour shows as a failing line.
///
/// The corpus is every distinct line head (first 440 bytes) of every text file under `Tests/*/Fixtures` and
/// `samples/*/bundle` (gzip files decompressed, tar and zip members read with `tar -xO` / `unzip -p`), the
/// combinations of ``ISOLineStartTests/lines`` and ``LineHeaderEdgeCases``.
/// `LICSCOPE_UPDATE_GOLDEN=1 swift test --filter LineHeaderCorpusTests` regenerates the file from today's parser;
/// only do that for an intended change, and read the diff.
enum LineHeaderCorpus {
    /// One line of the fixture: the line's bytes (as text, or hex when not UTF-8) and its head read both ways the
    /// scanner reads heads (`h`: the raw bytes, ``LogScanner/header(_:start:end:)``; `p`: a decoded candidate
    /// line, ``LogScanner/header(ofLine:)``, only when it differs from `h`).
    struct Entry: Codable, Equatable {
        var line: String?
        var hex: String?
        var h: Head
        var p: Head?

        var bytes: [UInt8] {
            if let line { return Array(line.utf8) }
            let digits = Array((hex ?? "").utf8)
            return stride(from: 0, to: digits.count - 1, by: 2).map { k in
                UInt8(String(decoding: digits[k...k + 1], as: UTF8.self), radix: 16) ?? 0
            }
        }
    }

    /// Every field of a ``LineHeader``.
    struct Head: Codable, Equatable {
        var layout: String
        var level, thread, component, facility, severity, mnemonic: String?
        var stamp: Stamp?

        init(_ h: LineHeader) {
            layout = h.layout.rawValue
            (level, thread, component) = (h.level, h.thread, h.component)
            (facility, severity, mnemonic) = (h.facility, h.severity, h.mnemonic)
            stamp = h.stamp.map(Stamp.init)
        }
    }

    /// Every field of a ``WallStamp``.
    struct Stamp: Codable, Equatable {
        var y, mo, d: Int?
        var h, mi, s, ns: Int
        var z: String?
        var raw: String

        init(_ w: WallStamp) {
            (y, mo, d, h, mi, s, ns) = (w.year, w.month, w.day, w.hour, w.minute, w.second, w.nanosecond)
            (z, raw) = (w.zone, w.raw)
        }
    }

    /// The heads of `bytes` as the scanner reads them today.
    static func entry(_ bytes: [UInt8]) -> Entry {
        let h = bytes.withUnsafeBufferPointer { b in
            Head(LogScanner.header(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, start: 0, end: b.count))
        }
        let p = Head(LogScanner.header(ofLine: candidateText(bytes)))
        let text = String(validating: bytes, as: UTF8.self)
        let hex = text == nil ? bytes.map { String(format: "%02x", $0) }.joined() : nil
        return Entry(line: text, hex: hex, h: h, p: p == h ? nil : p)
    }

    /// The decoded text ``LogScanner`` hands the matcher for a candidate line (CR dropped, NUL replaced).
    static func candidateText(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return "" }
            var e = b.count
            if e > 0, p[e - 1] == 0x0D { e -= 1 }
            return LogScanner.decodeLine(p, start: 0, end: e, mayHoldNUL: ByteScan.hasNULOrHighByte(p, from: 0, to: e))
        }
    }

    /// The fixture's path in the source tree.
    static let sourceFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/line-heads/heads.jsonl.gz")

    /// Writes the fixture from today's parser.
    static func regenerate() throws {
        let root = sourceFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var heads = Set<[UInt8]>()
        for file in try corpusFiles(root: root) {
            for content in try contents(of: file) {
                for line in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    heads.insert(Array(line.prefix(440)))
                }
            }
        }
        for line in ISOLineStartTests.lines { heads.insert(Array(line.utf8)) }
        for line in LineHeaderEdgeCases.all { heads.insert(Array(line.prefix(440))) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for head in heads.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            out.append(try encoder.encode(entry(head)))
            out.append(0x0A)
        }
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("heads-\(getpid()).jsonl")
        try out.write(to: plain)
        defer { try? FileManager.default.removeItem(at: plain) }
        try Data(run("/usr/bin/gzip", ["-9nc", plain.path])).write(to: sourceFile)
    }

    /// The fixture's lines, decompressed.
    static func load(_ url: URL) throws -> [Entry] {
        var reader = try ChunkedFileReader(path: url.path)
        var bytes: [UInt8] = []
        while let chunk = try reader.next() { bytes += chunk }
        let decoder = JSONDecoder()
        return try bytes.split(separator: 0x0A).map { try decoder.decode(Entry.self, from: Data($0)) }
    }

    /// Text files under `Tests/*/Fixtures` and `samples/*/bundle`.
    static func corpusFiles(root: URL) throws -> [URL] {
        let fm = FileManager.default
        var dirs: [URL] = []
        for t in try fm.contentsOfDirectory(atPath: root.appendingPathComponent("Tests").path) {
            dirs.append(root.appendingPathComponent("Tests/\(t)/Fixtures"))
        }
        for s in try fm.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path) {
            dirs.append(root.appendingPathComponent("samples/\(s)/bundle"))
        }
        let binary: Set<String> = ["pcap", "pcapng", "cap", "png", "bin", "der", "p12"]
        var out: [URL] = []
        for dir in dirs {
            guard let walker = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where !binary.contains(url.pathExtension.lowercased()) {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { out.append(url) }
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// The text of a file: decompressed when gzip, its members' text when a tar or zip archive.
    static func contents(of url: URL) throws -> [[UInt8]] {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") || name.hasSuffix(".tar") {
            return [run("/usr/bin/tar", ["-xOf", url.path])]
        }
        if name.hasSuffix(".zip") { return [run("/usr/bin/unzip", ["-p", url.path])] }
        let data = try Data(contentsOf: url)
        if data.starts(with: [0x1F, 0x8B]) { return [run("/usr/bin/gzip", ["-dc", url.path])] }
        return [Array(data)]
    }

    private static func run(_ tool: String, _ arguments: [String]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
