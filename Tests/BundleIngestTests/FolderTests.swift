import BundleIngest
import Foundation
import LicensingModel
import TestSupport
import Testing

@Suite("Folders, loose files and the inventory")
struct FolderTests {
    @Test("a folder is walked in name order; every file is in the inventory with what it is")
    func folder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("case/cm/trace/slm/log4j/slm.log", Samples.licenseLog)
        try scratch.write("case/capture.cap", Samples.pcapHeaderLE)
        try scratch.write("case/junk.bin", Samples.junk)
        try scratch.write("case/readme.txt", Samples.plainText)
        try scratch.write("case/.DS_Store", Samples.junk)
        let folder = scratch.root + "/case"
        let bundle = BundleReader.open(paths: [folder], workDirectory: scratch.work)
        #expect(bundle.workDirectory == nil, "loose files are read in place")
        #expect(bundle.inventory.map(\.displayPath) == [
            folder + "/.DS_Store", folder + "/capture.cap", folder + "/cm/trace/slm/log4j/slm.log",
            folder + "/junk.bin", folder + "/readme.txt",
        ])
        // Every intact file is handed on (what it is, the readers decide: Analysis's ContentRecognitionTests).
        #expect(bundle.inventory.map(\.status) == [.skipped, .parsed, .parsed, .parsed, .parsed])
        #expect(bundle.inventory.dropFirst().allSatisfy { $0.fileClass == .file })
        #expect(bundle.entries.first { $0.displayPath.hasSuffix("capture.cap") }?.localPath == folder + "/capture.cap")
        #expect(!bundle.hasUnreadableInput)
    }

    @Test("the work directory inside an input folder is not read back")
    func workDirectoryInsideInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("slm.log", Samples.licenseLog)
        try scratch.write("a.zip", zip.build())
        try scratch.write("z.log", Samples.licenseLog)
        let bundle = BundleReader.open(paths: [scratch.root], workDirectory: scratch.root + "/aa-work")
        #expect(bundle.entries.map(\.displayPath) == [scratch.root + "/a.zip!slm.log", scratch.root + "/z.log"])
        #expect(bundle.workDirectory?.hasPrefix(scratch.root + "/aa-work/") == true)
    }

    @Test("a missing input is refused; the others are still read")
    func missingInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.write("slm.log", Samples.licenseLog)
        let bundle = BundleReader.open(paths: [scratch.root + "/nope.zip", log], workDirectory: scratch.work)
        #expect(bundle.inventory.map(\.status) == [.refused, .parsed])
        #expect(bundle.inventory[0].reason == "no such file or directory")
        #expect(bundle.entries.map(\.displayPath) == [log])
    }

    @Test("inventory items round-trip through JSON and accept lines read later")
    func inventoryCodable() throws {
        var bundle = BundleReader.open(paths: [], workDirectory: "/nonexistent")
        bundle.inventory.append(InventoryItem(displayPath: "a.zip!slm.log", size: 10, fileClass: .file, status: .parsed))
        let index = try #require(bundle.inventoryIndex(of: "a.zip!slm.log"))
        bundle.inventory[index].linesRead = 42
        let data = try JSONEncoder().encode(bundle.inventory)
        let decoded = try JSONDecoder().decode([InventoryItem].self, from: data)
        #expect(decoded == bundle.inventory)
        #expect(decoded[0].linesRead == 42)
    }

    @Test("the parsing step records frames read and damage; damage makes the input partly unreadable")
    func recordRead() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var (path, bundle) = try scratch.open("trace.pcap", Samples.pcapHeaderLE)
        #expect(!bundle.hasUnreadableInput)
        let damage = Damage(capture: "frame 13 truncated", offset: 900, frame: 13, file: path)
        bundle.recordRead(of: path, framesRead: 12, damage: damage)
        let item = try #require(bundle.item(path))
        #expect(item.framesRead == 12)
        #expect(item.status == .partlyUnreadable)
        #expect(item.reasons == [.readerDamage(damage)])
        #expect(item.reason == "frame 13 truncated (offset 900, frame 13)")
        #expect(bundle.hasUnreadableInput)
    }

    @Test("one damaged archive does not stop the other inputs")
    func badArchiveAmongGoodInputs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let broken = try scratch.write("broken.zip", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
        let log = try scratch.write("slm.log", Samples.licenseLog)
        let tgz = try scratch.write("t.tgz", DeflateEncoder.gzip(Array("not a tar at all, just text\n".utf8)))
        let bundle = BundleReader.open(paths: [broken, log, tgz], workDirectory: scratch.work)
        #expect(bundle.inventory.first?.displayPath == broken)
        #expect(bundle.inventory.first?.status == .partlyUnreadable)
        #expect(bundle.entries.map(\.displayPath) == [log, tgz])
        #expect(contents(bundle.entries[1].localPath) == Array("not a tar at all, just text\n".utf8))
    }
}
