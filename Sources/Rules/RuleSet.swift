import Foundation
import LicensingModel

/// The rules of one directory (`rules/*.yaml`), loaded and validated.
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public var rules: [Rule]
    /// The directory they were loaded from, when loaded from one (fixtures live in its `tests/`).
    public var directory: URL?

    /// Creates a set from rules already parsed.
    public init(rules: [Rule], directory: URL? = nil) {
        self.rules = rules.sorted { $0.id < $1.id }
        self.directory = directory
    }

    /// The rule with `id`.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Loads every `*.yaml` / `*.yml` file directly inside `directory`.
    /// - Throws: the first ``RuleLoadError`` (by file name), including duplicate ids.
    public static func load(directory: URL) throws(RuleLoadError) -> RuleSet {
        let (rules, errors) = parseAll(directory: directory)
        if let first = errors.first { throw first }
        return RuleSet(rules: rules, directory: directory)
    }

    /// Parses one rule from YAML text.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the path errors name.
    /// - Throws: ``RuleLoadError`` at the first problem.
    public static func parseRule(yaml: String, file: String) throws(RuleLoadError) -> Rule {
        try RuleParser.parse(yaml: yaml, file: file)
    }

    /// The largest rule file read (256 KiB); a rule is a page of YAML.
    public static let maximumFileSize = 256 * 1024

    /// The rule files of `directory`, sorted by name.
    public static func ruleFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// Parses every rule file, collecting one error per broken file plus duplicate ids.
    static func parseAll(directory: URL) -> ([Rule], [RuleLoadError]) {
        var rules: [Rule] = []
        var errors: [RuleLoadError] = []
        let display = directory.relativePath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            return ([], [RuleLoadError(file: display, line: 1, column: 1, message: "not a rules directory")])
        }
        var firstByID: [String: Rule] = [:]
        for url in ruleFiles(in: directory) {
            let file = display + "/" + url.lastPathComponent
            guard let data = FileManager.default.contents(atPath: url.path), data.count <= maximumFileSize,
                let text = String(data: data, encoding: .utf8)
            else {
                errors.append(RuleLoadError(file: file, line: 1, column: 1, message: "cannot read the file as UTF-8 text of at most \(maximumFileSize / 1024) KiB"))
                continue
            }
            do {
                let rule = try RuleParser.parse(yaml: text, file: file)
                if let first = firstByID[rule.id] {
                    errors.append(RuleLoadError(
                        file: file, line: rule.idPosition.line, column: rule.idPosition.column,
                        message: "duplicate id '\(rule.id)' (first defined in \(first.file):\(first.idPosition.line))"))
                    continue
                }
                firstByID[rule.id] = rule
                rules.append(rule)
            } catch {
                errors.append(error)
            }
        }
        return (rules, errors)
    }
}
