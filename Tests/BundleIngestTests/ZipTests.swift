import BundleIngest
import Foundation
import TestSupport
import Testing

@Suite("Zip bundles")
struct ZipTests {
    @Test("stored and deflated members are extracted under bundle.zip!path and classified")
    func storedAndDeflate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("cm/trace/slm/log4j/slm.log", Samples.licenseLog, method: 8)
        zip.add("show_license_all.txt", Samples.cli, method: 0)
        zip.add("cm/trace/", "")
        let (path, bundle) = try scratch.open("bundle.zip", zip.build())

        #expect(bundle.entries.map(\.displayPath) == [path + "!cm/trace/slm/log4j/slm.log", path + "!show_license_all.txt"])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Array(Samples.cli.utf8)])
        let log = try #require(bundle.entries.first)
        #expect(contents(log.localPath) == Array(Samples.licenseLog.utf8))
        #expect(log.size == Samples.licenseLog.utf8.count)
        #expect(bundle.inventory.map(\.status) == [.parsed, .parsed, .parsed])
        #expect(bundle.inventory.first?.fileClass == .archive)
        #expect(!bundle.hasUnreadableInput)
        let work = try #require(bundle.workDirectory)
        #expect(work.hasPrefix(scratch.work + "/"))
        bundle.removeWorkDirectory()
        #expect(!FileManager.default.fileExists(atPath: work))
    }

    @Test("members with data descriptors are extracted")
    func dataDescriptor() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "gch.log", data: Array(Samples.licenseLog.utf8), method: 8, dataDescriptor: true))
        zip.add(.init(name: "status.txt", data: Array(Samples.cli.utf8), method: 8, dataDescriptor: true))
        let (_, bundle) = try scratch.open("dd.zip", zip.build())
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Array(Samples.cli.utf8)])
        #expect(contents(bundle.entries[1].localPath) == Array(Samples.cli.utf8))
        #expect(!bundle.hasUnreadableInput)
    }

    @Test("ZIP64 end records and extra fields are honoured")
    func zip64() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("big/slm.log", Samples.licenseLog, method: 8)
        zip.add("svc.txt", Samples.serviceList)
        let (path, bundle) = try scratch.open("z64.zip", zip.build(zip64: true))
        #expect(bundle.entries.map(\.displayPath) == [path + "!big/slm.log", path + "!svc.txt"])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.licenseLog.utf8), Array(Samples.serviceList.utf8)])
        #expect(contents(bundle.entries[1].localPath) == Array(Samples.serviceList.utf8))
        #expect(!bundle.hasUnreadableInput)
    }

    @Test("a truncated zip yields its complete members via the local headers, and says it is damaged")
    func truncatedZip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add("first.log", Samples.licenseLog, method: 8)
        zip.add("second.txt", String(repeating: Samples.cli, count: 20), method: 8)
        let bytes = zip.build()
        let cut = Array(bytes[0..<(bytes.count - 1500)])
        let (path, bundle) = try scratch.open("cut.zip", cut)
        let first = try #require(bundle.entries.first { $0.displayPath == path + "!first.log" })
        #expect(contents(first.localPath) == Array(Samples.licenseLog.utf8))
        let archive = try #require(bundle.item(path))
        #expect(archive.status == .partlyUnreadable)
        #expect(archive.reason?.contains("central directory") == true)
        let second = try #require(bundle.item(path + "!second.txt"))
        #expect(second.status == .partlyUnreadable)
        #expect(bundle.hasUnreadableInput)
    }

    @Test("without a central directory, data-descriptor members are delimited by inflating them")
    func descriptorRecovery() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "one.log", data: Array(Samples.licenseLog.utf8), method: 8, dataDescriptor: true))
        zip.add(.init(name: "two.txt", data: Array(Samples.cli.utf8), method: 8, dataDescriptor: true))
        let whole = zip.build()
        let localPart = Array(whole[..<centralDirectoryStart(whole)])
        let (path, bundle) = try scratch.open("nocd.zip", localPart)
        #expect(bundle.entries.map(\.displayPath) == [path + "!one.log", path + "!two.txt"])
        #expect(contents(bundle.entries[1].localPath) == Array(Samples.cli.utf8))
        #expect(bundle.item(path + "!two.txt")?.status == .parsed)
        #expect(bundle.item(path)?.status == .partlyUnreadable)
    }

    /// The offset of the first central directory record.
    func centralDirectoryStart(_ bytes: [UInt8]) -> Int {
        let signature: [UInt8] = [0x50, 0x4b, 0x01, 0x02]
        return (0...(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(signature) } ?? bytes.count
    }

    @Test("a damaged member does not stop the others; a CRC mismatch is reported")
    func damagedMember() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "bad.log", data: Array(Samples.licenseLog.utf8), method: 8, payload: [0xff, 0xff, 0xff, 0xff]))
        zip.add(.init(name: "crc.log", data: Array(Samples.licenseLog.utf8), method: 0, crcOverride: 0x1234_5678))
        zip.add("good.txt", Samples.cli, method: 8)
        let (path, bundle) = try scratch.open("mixed.zip", zip.build())
        #expect(bundle.item(path + "!bad.log")?.status == .partlyUnreadable)
        #expect(bundle.item(path + "!bad.log")?.reason?.contains("corrupt") == true)
        #expect(bundle.item(path + "!crc.log")?.reason?.contains("CRC-32") == true)
        #expect(bundle.item(path + "!good.txt")?.status == .parsed)
        #expect(bundle.item(path)?.status == .partlyUnreadable)
        #expect(bundle.entries.contains { $0.displayPath == path + "!good.txt" && contents($0.localPath) == Array(Samples.cli.utf8) })
    }

    @Test("encrypted members and unsupported methods are refused")
    func encryptedAndMethods() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(.init(name: "secret.log", data: Array("x".utf8), flags: 1))
        zip.add(.init(name: "bz.log", data: Array("x".utf8), method: 12))
        zip.add("ok.log", Samples.licenseLog)
        let (path, bundle) = try scratch.open("enc.zip", zip.build())
        #expect(bundle.item(path + "!secret.log")?.status == .refused)
        #expect(bundle.item(path + "!secret.log")?.reason?.contains("encrypted") == true)
        #expect(bundle.item(path + "!bz.log")?.reason == "unsupported compression method (bzip2)")
        #expect(bundle.entries.map(\.displayPath) == [path + "!ok.log"])
    }

    @Test("a zip made by the Info-ZIP tool is read", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zip")))
    func realZipTool() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("src/cm/trace/slm/log4j/slm.log", String(repeating: Samples.licenseLog, count: 50))
        try scratch.write("src/show license status.txt", Samples.cli)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.root + "/src")
        process.arguments = ["-q", "-r", "-X", scratch.root + "/real.zip", "."]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let bundle = BundleReader.open(paths: [scratch.root + "/real.zip"], workDirectory: scratch.work)
        let log = try #require(bundle.entries.first { $0.displayPath.hasSuffix("!cm/trace/slm/log4j/slm.log") })
        #expect(contents(log.localPath) == Array(String(repeating: Samples.licenseLog, count: 50).utf8))
        #expect(bundle.entries.contains { $0.displayPath.hasSuffix("!show license status.txt") })
        #expect(!bundle.hasUnreadableInput)
    }
}
