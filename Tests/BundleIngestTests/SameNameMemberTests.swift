import BundleIngest
import Foundation
import TestSupport
import Testing

/// Two entries with one path (a zip or tar appended to twice): both are extracted and read, and each keeps its own
/// inventory line and display path (`name`, `name[2]`), so evidence from either points at the right copy.
@Suite("same-named archive members")
struct SameNameMemberTests {
    @Test("a zip with two entries named cm/slm.log: both extracted, the second shown as cm/slm.log[2]")
    func zipDuplicates() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("cm/slm.log", Samples.licenseLog, method: 8)
        zip.add("cm/slm.log", Samples.cli)
        zip.add("cm/slm.log[2]", Samples.serviceList)  // a real name that looks like a repeat carries its number
        let (path, bundle) = try scratch.open("dup.zip", zip.build())
        #expect(bundle.entries.map(\.displayPath) == [
            path + "!cm/slm.log", path + "!cm/slm.log[2]", path + "!cm/slm.log[2][1]",
        ])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Array(Samples.cli.utf8), Array(Samples.serviceList.utf8)])
        #expect(contents(bundle.entries[0].localPath) == Array(Samples.licenseLog.utf8))
        #expect(contents(bundle.entries[1].localPath) == Array(Samples.cli.utf8))
        #expect(Set(bundle.inventory.map(\.displayPath)).count == bundle.inventory.count)
        #expect(!bundle.hasUnreadableInput)
    }

    @Test("a tar with one name three times: three entries, three inventory lines")
    func tarDuplicates() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("slm.log", Samples.licenseLog)
        tar.addFile("slm.log", Samples.cli)
        tar.addFile("./slm.log", Samples.serviceList)
        tar.finish()
        let (path, bundle) = try scratch.open("dup.tar", tar.bytes)
        #expect(bundle.entries.map(\.displayPath) == [path + "!slm.log", path + "!slm.log[2]", path + "!slm.log[3]"])
        // The third is stored as ./slm.log: the inventory keeps that name for tar to be given.
        #expect(bundle.inventory.map(\.storedName) == [nil, nil, nil, "./slm.log"])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Array(Samples.cli.utf8), Array(Samples.serviceList.utf8)])
        #expect(bundle.inventory.count == 4)
    }

    @Test("refused duplicates are distinct too (two links with one name)")
    func refusedDuplicates() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addLink("etc", target: "/etc")
        tar.addLink("etc", target: "/etc")
        tar.finish()
        let (path, bundle) = try scratch.open("links.tar", tar.bytes)
        let refused = bundle.inventory.filter { $0.status == .refused }.map(\.displayPath)
        #expect(refused == [path + "!etc", path + "!etc[2]"])
    }
}
