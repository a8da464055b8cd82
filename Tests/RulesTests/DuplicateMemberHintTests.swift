import Foundation
import LicensingModel
import TestSupport
import Testing
@testable import Rules

/// Reproduction hints for the Nth archive member sharing one name (shown as `name[N]`) extract that copy.
@Suite("Reproduction hints for same-named archive members")
struct DuplicateMemberHintTests {
    /// `same-name.zip` holds `cm/other.log`, `./cm/slm.log` ("first"), `x/cm/slm.log` ("nested"),
    /// `cm/slm.log` ("second"), `cm/slm.log` ("third"); `same-name.tgz` the first three of those slm.log entries.
    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/archives") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url.path
    }

    /// Runs `command` with /bin/sh in `directory`; its standard output, or nil when it failed.
    static func run(_ command: String, in directory: String) throws -> String? {
        let outcome = try Shell.run(command, in: directory)
        return outcome.status == 0 ? outcome.text : nil
    }

    static var hasPython: Bool { (try? run("command -v python3", in: "/")) != nil }

    @Test("the hint never names the display suffix as a member")
    func noDisplaySuffix() {
        for path in ["b.zip!cm/slm.log[2]", "b.tgz!cm/slm.log[3]", "<stdin>!cm/slm.log[2]", "a.zip!in.tgz[2]!x.log"] {
            let hint = ReproductionHint.command(for: SourcePointer(path: path, location: .line(1)), excerpt: nil) ?? ""
            #expect(!hint.contains("slm.log[") && !hint.contains("in.tgz["), "\(hint)")
            #expect(hint.contains("python3 -c"), "\(hint)")
        }
        // A nested tgz shown as `in.tgz[2]` is still read as a tar.gz, and a `.gz[2]` member is still decompressed.
        let nested = ReproductionHint.command(for: SourcePointer(path: "a.zip!in.tgz[2]!x.log", location: .line(1)), excerpt: nil)
        #expect(nested?.contains("| tar -xOzf - --no-anchored 'x.log'") == true)
        let gz = ReproductionHint.command(for: SourcePointer(path: "b.zip!slm.log.1.gz[2]", location: .line(1)), excerpt: nil)
        #expect(gz?.contains("| gzip -dc | sed -n '1p'") == true)
        // An ordinary name is unchanged.
        #expect(DuplicateMemberHint.occurrence("cm/slm.log") == nil)
        #expect(DuplicateMemberHint.occurrence("[2]") == nil)
    }

    @Test("the printed command extracts the Nth same-named member", arguments: [
        ("same-name.zip", "cm/slm.log[2]", "second"), ("same-name.zip", "cm/slm.log[3]", "third"),
        ("same-name.tgz", "cm/slm.log[2]", "second"),
    ])
    func runsAsPrinted(_ archive: String, _ member: String, _ expected: String) throws {
        guard Self.hasPython else { return }
        let path = try Self.fixture(archive)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let pointer = SourcePointer(path: archive + "!" + member, location: .line(1))
        let hint = try #require(ReproductionHint.command(for: pointer, excerpt: nil))
        #expect(try Self.run(hint, in: directory) == expected + "\n", "\(hint)")
        // The same member read back from standard input (`licscope analyze - < archive`).
        let stdinPointer = SourcePointer(path: "<stdin>!" + member, location: .line(1))
        let stdinHint = try #require(ReproductionHint.command(for: stdinPointer, excerpt: nil))
        #expect(try Self.run("cat '\(archive)' | " + stdinHint, in: directory) == expected + "\n", "\(stdinHint)")
    }
}
