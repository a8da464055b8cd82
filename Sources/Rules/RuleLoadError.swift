import Foundation
import LicensingModel
import Yams

/// A rule file that cannot be loaded or fails lint, with the exact place: `file:line:column: message`.
/// Columns count Unicode scalars (libyaml's unit).
public typealias RuleLoadError = PositionedError

extension RuleLoadError {
    /// Translates a Yams error into a positioned rule error.
    static func yaml(_ error: any Error, file: String, text: String) -> RuleLoadError {
        guard let yamlError = error as? YamlError else {
            return RuleLoadError(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return RuleLoadError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = context.mark
            let key = duplicates.first ?? ""
            let line = Self.repeatedKeyLine(key, after: first.line, column: first.column, in: text) ?? first.line
            return RuleLoadError(
                file: file, line: line, column: first.column,
                message: "duplicate key '\(key)' (first at line \(first.line))")
        case .reader(let problem, let offset, _, _):
            let (line, column) = Self.position(ofUTF8Offset: offset ?? 0, in: text)
            return RuleLoadError(file: file, line: line, column: column, message: "YAML: \(problem)")
        default:
            return RuleLoadError(file: file, line: 1, column: 1, message: "YAML: \(yamlError)")
        }
    }

    /// The line, after `line`, where `key:` appears again at `column` (Yams marks only the first occurrence).
    static func repeatedKeyLine(_ key: String, after line: Int, column: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return nil }
        for index in line..<lines.count {
            let content = lines[index]
            let indent = content.prefix { $0 == " " }.count
            if indent == column - 1, content.dropFirst(indent).hasPrefix(key + ":") { return index + 1 }
        }
        return nil
    }

    /// The 1-based line and column of a byte offset.
    static func position(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
