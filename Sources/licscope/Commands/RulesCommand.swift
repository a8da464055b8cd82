import LicensingModel
import Analysis
import TextIngest
import ArgumentParser
import Foundation
import Rules

/// `licscope rules list|lint [DIR]|test [DIR]|explain ID`: work with the signature directory.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, lint, test and explain the bug and diagnostic signatures.",
        discussion: """
            The rules directory is, in order: the DIR argument, --rules DIR, $LICSCOPE_RULES, a rules/ directory \
            next to the executable (an installed copy), and the rules/ directory of the source tree this binary was \
            built from. A ./rules folder in the working directory is never picked up silently.
            """ + HelpExamples.rules,
        subcommands: [List.self, Lint.self, Test.self, Explain.self])

    /// Where the rules live.
    struct Location: ParsableArguments {
        @Option(name: .customLong("rules"), help: "The rules directory.", completion: .directory)
        var rules: String?

        /// The directory to use: explicit argument, --rules, $LICSCOPE_RULES, rules/ next to the executable, then the
        /// source tree's rules/ (never the working directory's ./rules: a stray folder must not replace the rules).
        func resolve(_ explicit: String? = nil) -> URL {
            if let path = explicit ?? rules { return URL(fileURLWithPath: path) }
            return Self.standardDirectory()
        }

        /// The directory used when none is named: $LICSCOPE_RULES, rules/ next to the executable, then the source
        /// tree's rules/.
        static func standardDirectory() -> URL {
            if let env = ProcessInfo.processInfo.environment["LICSCOPE_RULES"], !env.isEmpty {
                return URL(fileURLWithPath: env)
            }
            let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("rules")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: beside.appendingPathComponent("messages").path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                return beside
            }
            return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        }
    }

    /// An optional DIR argument in front of the usual location options.
    struct DirectoryOrLocation: ParsableArguments {
        @Argument(help: "The rules directory.", completion: .directory) var directory: String?
        @OptionGroup var location: Location

        /// DIR when given, else the usual search.
        func resolve() -> URL { location.resolve(directory) }
    }

    /// Loads the rules or exits with code 2 after printing `file:line:column: message`.
    static func loadOrExit(_ directory: URL) throws -> RuleSet {
        do {
            return try RuleSet.load(directory: directory)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// How `rules test` turns a fixture directory into evidence. The built-in reader takes `events.jsonl` and
    /// `fixture.yaml`; the ingest → engine pipeline can take over raw inputs here.
    /// Loads and lints the message catalog in `directory/messages`, when there is one.
    static func lintCatalog(in directory: URL) -> [String] {
        let messages = directory.appendingPathComponent("messages")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: messages.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return [] }
        do {
            let catalog = try MessageCatalog.load(directory: messages)
            let problems = catalog.lint()
            if problems.isEmpty { print("message catalog OK: \(catalog.entries.count) entries") }
            for note in catalog.regexFallbacks() { print("note: \(note)") }
            return problems
        } catch {
            return ["\(error)"]
        }
    }

    /// Fixture folders with raw inputs run through the whole pipeline (parsers + engine); folders with only
    /// `events.jsonl` are loaded as events. `--events-only` loads `events.jsonl` everywhere.
    static func fixtureLoader(rulesDirectory: URL, eventsOnly: Bool) -> FixtureLoader {
        if eventsOnly { return RuleFixtures.eventsLoader }
        let catalog: MessageCatalog
        do { catalog = try MessageCatalog.bundled(rulesDirectory: rulesDirectory.path) } catch {
            FileHandle.standardError.write(
                Data("licscope: \(error); fixtures are loaded from their events.jsonl instead of the parsers\n".utf8))
            return RuleFixtures.eventsLoader
        }
        return PipelineFixtures.loader(options: AnalysisOptions(rules: nil, catalog: catalog))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print id, rev, kind, severity and title of every rule.", discussion: HelpExamples.rulesList)
        @OptionGroup var location: Location

        func run() throws {
            let set = try RulesCommand.loadOrExit(location.resolve())
            print(RuleText.list(set.rules))
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every rule file; errors are printed as file:line:column: message (exit code 2).",
            discussion: HelpExamples.rulesLint)
        @OptionGroup var rules: DirectoryOrLocation

        func run() throws {
            let directory = rules.resolve()
            let report = RuleSet.lint(directory: directory)
            for error in report.errors { FileHandle.standardError.write(Data("\(error.description)\n".utf8)) }
            let catalogErrors = RulesCommand.lintCatalog(in: directory)
            for error in catalogErrors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            guard report.isClean, catalogErrors.isEmpty else { throw ExitCode(2) }
            print("\(report.rules.count) rules OK")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's match-/nomatch- fixtures (exit code 1 when one fails, 2 when a rule is broken).",
            discussion: HelpExamples.rulesTest)
        @OptionGroup var rules: DirectoryOrLocation
        @Flag(help: "Load each fixture's events.jsonl instead of running its raw inputs through the parsers.")
        var eventsOnly = false

        func run() throws {
            let directory = rules.resolve()
            let set = try RulesCommand.loadOrExit(directory)
            let report = runRuleTests(set, loader: RulesCommand.fixtureLoader(rulesDirectory: directory, eventsOnly: eventsOnly))
            print(RuleText.testReport(report))
            guard report.passed else { throw ExitCode(1) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print everything a rule says and looks for.", discussion: HelpExamples.rulesExplain)
        @Argument(help: "The rule id (CSCvc94366, dns-failure, …).", completion: RuleIDs.completion) var id: String
        @OptionGroup var location: Location

        func run() throws {
            let set = try RulesCommand.loadOrExit(location.resolve())
            guard let rule = set.rule(id: id) else {
                throw CommandFailure("no rule '\(id)'; `licscope rules list` shows them")
            }
            print(RuleText.explain(rule))
        }
    }
}
