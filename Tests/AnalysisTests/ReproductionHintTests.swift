import Analysis
import Foundation
import LicensingModel
import Reports
import TestSupport
import Testing

/// Reproduction hints (made by Reports when a report is rendered) run as printed and take out exactly the member
/// they name: never a decoy in another folder, never a name a wildcard also matches, the Nth of same-named
/// entries, and a member really named `x[2]` apart from the second `x`.
@Suite("reproduction hints")
struct ReproductionHintTests {
    @Test("commands for files inside archives", arguments: [
        ("b.zip!cm/slm.log", SourcePointer.Location.line(5), "x", "unzip -p 'b.zip' 'cm/slm.log' | sed -n '5p'"),
        ("b.tar.gz!cm/slm.log", .line(5), "x", "tar -xOzf 'b.tar.gz' 'cm/slm.log' | sed -n '5p'"),
        ("b.tar!p.cap", .frame(3), "x", "tar -xOf 'b.tar' 'p.cap' | tshark -r - -Y \"frame.number == 3\""),
        ("b.zip!slm.log.1.gz", .line(2), "x", "unzip -p 'b.zip' 'slm.log.1.gz' | gzip -dc | sed -n '2p'"),
        ("slm.log.1.gz", .line(2), "ERROR send", "zgrep -nF -- 'ERROR send' 'slm.log.1.gz'"),
        ("p.cap", .frame(11), "x", "tshark -r 'p.cap' -Y \"frame.number == 11\""),
        ("a.zip!in.tgz!x.log", .line(1), "x", "unzip -p 'a.zip' 'in.tgz' | tar -xOzf - 'x.log' | sed -n '1p'"),
        ("b.zip!cm/a*b[c]?.log", .file, "x", "unzip -p 'b.zip' 'cm/a\\*b\\[c]\\?.log'"),
        // Standard input (`licscope analyze -`): the hint reads the same input piped in again.
        ("<stdin>", .line(2), "ERROR send", "grep -nF -- 'ERROR send'"),
        ("<stdin>", .frame(3), "x", "tshark -r - -Y \"frame.number == 3\""),
        ("<stdin>!cm/slm.log", .line(5), "x",
         "(f=$(mktemp) && cat > \"$f\" && { unzip -p \"$f\" 'cm/slm.log' 2>/dev/null || tar -xOf \"$f\" 'cm/slm.log'; }; rm -f \"$f\") | sed -n '5p'"),
    ])
    func commands(_ path: String, _ location: SourcePointer.Location, _ excerpt: String, _ expected: String) {
        let hint = ReproductionHint().command(for: SourcePointer(path: path, location: location), excerpt: excerpt)
        #expect(hint == expected)
        #expect(!(hint ?? "").contains("!"))
    }

    @Test("a copy's number and a name's own brackets never read the same", arguments: [
        ("x", 1, "x"), ("x", 2, "x[2]"), ("x[2]", 1, "x[2][1]"), ("x[2]", 2, "x[2][2]"), ("x[2][1]", 1, "x[2][1][1]"),
        ("[3]", 1, "[3][1]"), ("x[]", 1, "x[]"), ("x[a]", 2, "x[a][2]"), ("x[1234567890]", 1, "x[1234567890]"),
    ])
    func copyNames(_ name: String, _ copy: Int, _ shown: String) {
        #expect(MemberCopy.display(name: name, copy: copy) == shown)
        #expect(MemberCopy.parse(shown) == (name, copy))
    }

    /// Members of the test archives: stored name and content. Decoys sit in other folders, under names a wildcard
    /// of a target also matches, and as same-named copies; one is really named `dup.log[2]`.
    static let members: [(String, String)] = [
        ("cm/slm.log", "target"), ("other/cm/slm.log", "decoy in another folder"), ("xcm/slm.log", "decoy by prefix"),
        ("cm/a*b.log", "star"), ("cm/aXb.log", "decoy for the star"), ("cm/a?c.log", "question"),
        ("cm/a1c.log", "decoy for the question mark"), ("cm/x[2].log", "brackets"), ("cm/x2.log", "decoy for the brackets"),
        ("cm/dup.log", "first dup"), ("./cm/dup.log", "second dup"), ("cm/dup.log", "third dup"),
        ("cm/dup.log[2]", "really named with brackets"), ("./cm/dot.log", "stored with ./"), ("cm/back\\slash.log", "backslash"),
    ]

    /// The same normalization licscope applies to member names (`./a//b`, `a\b` → `a/b`).
    static func normalized(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "/").split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Writes `name` (zip, tar or tgz) holding ``members`` with Python (tools refuse duplicate or `./` names).
    static func makeArchive(_ name: String, in directory: String) throws {
        let list = members.map { "(\"\($0.0.replacingOccurrences(of: "\\", with: "\\\\"))\", \"\($0.1)\\n\")" }.joined(separator: ",")
        let script = """
            import io,sys,tarfile,zipfile
            m=[\(list)]
            n=sys.argv[1]
            if n.endswith(".zip"):
                with zipfile.ZipFile(n,"w") as z:
                    import warnings; warnings.simplefilter("ignore")
                    for a,b in m: z.writestr(a,b)
            else:
                with tarfile.open(n,"w:gz" if n.endswith("gz") else "w") as t:
                    for a,b in m:
                        i=tarfile.TarInfo(a); d=b.encode(); i.size=len(d); t.addfile(i,io.BytesIO(d))
            """
        try script.write(toFile: directory + "/make.py", atomically: true, encoding: .utf8)
        let made = try Shell.run("python3 make.py '\(name)'", in: directory)
        #expect(made.status == 0)
    }

    @Test("each member's printed command writes exactly its bytes, with GNU tar and with bsdtar",
          arguments: ["a.zip", "a.tar", "a.tgz", "outer.tar!a.zip"], ["tar", "bsdtar"])
    func archivesWithDecoys(_ archive: String, _ tar: String) throws {
        guard (try? Shell.run("command -v python3 && command -v unzip && command -v \(tar)"))?.status == 0 else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hints-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The hints say `tar`: with bsdtar, a `tar` on the PATH that is bsdtar (as on macOS and the BSDs).
        var prefix = ""
        if tar != "tar" {
            let tools = directory + "/tools"
            try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
            let found = try Shell.run("command -v \(tar)").text.trimmingCharacters(in: .whitespacesAndNewlines)
            try FileManager.default.createSymbolicLink(atPath: tools + "/tar", withDestinationPath: found)
            prefix = "PATH='\(tools)':\"$PATH\"; export PATH; "
        }
        let inner = archive.components(separatedBy: "!").last ?? archive
        try Self.makeArchive(inner, in: directory)
        var input = inner
        if archive.hasPrefix("outer.tar!") {
            try Shell.run("tar cf outer.tar a.zip", in: directory)
            input = "outer.tar"
        }
        var options = try AnalysisFixtures.options()
        options.workDirectory = directory
        let inventory = AnalysisRun.gather(paths: [directory + "/" + input], options: options).2.inventory
            .map { entry -> AnalysisReport.InventoryEntry in
                var e = entry
                e.path = String(e.path.dropFirst(directory.count + 1))
                return e
            }
        let shown = Set(inventory.map(\.path))
        for name in ["cm/dup.log", "cm/dup.log[2]", "cm/dup.log[3]", "cm/dup.log[2][1]", "cm/dot.log", "cm/back/slash.log"] {
            #expect(shown.contains(archive + "!" + name), "\(name) in \(shown.sorted())")
        }
        #expect(inventory.contains { $0.path == archive + "!cm/dot.log" && $0.storedName == "./cm/dot.log" })
        let hints = ReproductionHint(inventory: inventory)
        var checked = 0
        for entry in inventory where entry.path.hasPrefix(archive + "!") {
            let (name, copy) = MemberCopy.parse(String(entry.path.dropFirst(archive.count + 1)))
            let matches = Self.members.filter { Self.normalized($0.0) == name }
            guard copy <= matches.count else {
                Issue.record("\(entry.path) is no member")
                continue
            }
            let hint = try #require(hints.command(for: SourcePointer(path: entry.path, location: .file), excerpt: nil))
            let output = try Shell.run(prefix + hint, in: directory)
            #expect(output.text == matches[copy - 1].1 + "\n", "\(entry.path): \(hint)")
            // The same member of the same archive piped in (`licscope analyze - < archive`).
            if !archive.contains("!") {
                let stdinHints = ReproductionHint(inventory: inventory.map {
                    var e = $0
                    e.path = "<stdin>" + e.path.dropFirst(archive.count)
                    return e
                })
                let stdinPath = "<stdin>" + entry.path.dropFirst(archive.count)
                let piped = try #require(stdinHints.command(for: SourcePointer(path: stdinPath, location: .file), excerpt: nil))
                #expect(try Shell.run(prefix + "cat '\(archive)' | " + piped, in: directory).text == matches[copy - 1].1 + "\n",
                        "\(piped)")
            }
            checked += 1
        }
        #expect(checked == Self.members.count, "every member was checked")
    }
}
