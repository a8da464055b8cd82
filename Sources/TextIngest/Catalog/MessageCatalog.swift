import Foundation
import LicensingModel

/// The message catalog: data (`rules/messages/*.yaml`) that maps log lines to events, plus the byte prefilter
/// built over all of its anchors.
public struct MessageCatalog: Sendable {
    /// Entries in catalog order (files by name, entries in file order).
    public let entries: [MessageEntry]
    /// One prefilter over every anchor of every entry.
    public let prefilter: LiteralPrefilter
    /// Anchor index (in ``prefilter``) → the entries keyed on it.
    let entriesByAnchor: [[Int]]
    /// Entry index → whether none of its constant fields trips the cheap secret screen.
    let constantsScreened: [Bool]

    /// Builds a catalog from entries (tests, or a caller composing catalogs).
    public init(entries: [MessageEntry]) {
        self.entries = entries
        constantsScreened = entries.map { entry in
            !entry.fields.values.contains { value in
                if case .string(let text) = value { return Redaction.mayContainSecret(text) }
                return false
            }
        }
        var anchorIndex: [String: Int] = [:]
        var anchors: [String] = []
        var byAnchor: [[Int]] = []
        for (e, entry) in entries.enumerated() {
            for a in entry.anchors where !a.isEmpty {
                if let k = anchorIndex[a] {
                    if byAnchor[k].last != e { byAnchor[k].append(e) }
                } else {
                    anchorIndex[a] = anchors.count
                    anchors.append(a)
                    byAnchor.append([e])
                }
            }
        }
        self.prefilter = LiteralPrefilter(anchors: anchors)
        self.entriesByAnchor = byAnchor
    }

    /// Loads every `*.yaml` / `*.yml` file of `directory`, in name order.
    /// - Throws: ``MessageCatalogError`` with `file:line:column` for the first unreadable file or entry.
    public static func load(directory: URL) throws -> MessageCatalog {
        let fm = FileManager.default
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory.path) } catch {
            throw MessageCatalogError(file: directory.path, line: 0, column: 0, message: "cannot list the catalog directory")
        }
        var entries: [MessageEntry] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = directory.appendingPathComponent(name)
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw MessageCatalogError(file: url.path, line: 0, column: 0, message: "cannot read the file as UTF-8")
            }
            entries += try CatalogFileParser.parse(yaml: text, file: url.path)
        }
        return MessageCatalog(entries: entries)
    }

    /// Loads the shipped catalog, looked up like the rules directory: `rulesDirectory/messages` (`--rules DIR`),
    /// `$LICSCOPE_RULES/messages`, `rules/messages` next to the executable, then `rules/messages` of the source tree
    /// this file was built from.
    /// - Parameters:
    ///   - rulesDirectory: the `--rules` value, when given.
    ///   - environment: the process environment (injected for tests).
    /// - Throws: ``MessageCatalogError`` when no directory is found or a file is invalid.
    public static func bundled(
        rulesDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> MessageCatalog {
        for dir in searchPath(rulesDirectory: rulesDirectory, environment: environment) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue {
                return try load(directory: dir)
            }
            if rulesDirectory != nil, dir == searchPath(rulesDirectory: rulesDirectory, environment: [:]).first {
                throw MessageCatalogError(file: dir.path, line: 0, column: 0, message: "no messages/ directory under --rules")
            }
        }
        throw MessageCatalogError(
            file: "rules/messages", line: 0, column: 0,
            message: "message catalog not found (use --rules DIR or set LICSCOPE_RULES)")
    }

    /// The directories ``bundled(rulesDirectory:environment:)`` tries, in order.
    public static func searchPath(rulesDirectory: String?, environment: [String: String]) -> [URL] {
        var out: [URL] = []
        if let r = rulesDirectory { out.append(URL(fileURLWithPath: r).appendingPathComponent("messages")) }
        if let r = environment["LICSCOPE_RULES"], !r.isEmpty {
            out.append(URL(fileURLWithPath: r).appendingPathComponent("messages"))
        }
        // Next to the executable (an installed copy); never the working directory's ./rules (a stray folder there
        // must not silently replace the built-in catalog).
        out.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("rules/messages"))
        // Sources/TextIngest/Catalog/MessageCatalog.swift → repository root.
        let source = URL(fileURLWithPath: #filePath)
        let root = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        out.append(root.appendingPathComponent("rules/messages"))
        return out
    }

    /// The entries that may match a line in which `anchors` (prefilter indices) were found, in catalog order.
    func candidates(forAnchors anchors: [Int]) -> [Int] {
        if anchors.count == 1, let a = anchors.first, a < entriesByAnchor.count { return entriesByAnchor[a] }
        var set = Set<Int>()
        for a in anchors where a < entriesByAnchor.count { set.formUnion(entriesByAnchor[a]) }
        return set.sorted()
    }
}
