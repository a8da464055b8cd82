import ArgumentParser
import Foundation
import Rules

/// Shell completion of rule ids (`--explain`, `rules explain`): the ids of the rules in the standard rules
/// directory (``RulesCommand/Location/standardDirectory()``), those starting with the word being completed.
enum RuleIDs {
    /// The completion kind offering the built-in rule ids.
    static var completion: CompletionKind { .custom(complete) }

    @Sendable static func complete(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let ids = ((try? RuleSet.load(directory: RulesCommand.Location.standardDirectory()))?.rules ?? []).map(\.id)
        return ids.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
