import BundleIngest
import Foundation
import TestSupport
import Testing

@Suite("Tar bundles")
struct TarTests {
    @Test("ustar, GNU long names and pax paths")
    func tarForms() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let longName = "var/log/active/" + String(repeating: "deep/", count: 25) + "slm.log"
        var tar = TarBuilder()
        tar.addDirectory("cm/")
        tar.addFile("cm/show_license.txt", Samples.cli)
        tar.addGNULongNameFile(longName, Samples.licenseLog)
        tar.addPaxPathFile("pax/" + String(repeating: "p", count: 120) + "/alerts.txt", Samples.rtmtAlerts)
        tar.finish()
        let (path, bundle) = try scratch.open("bundle.tar", tar.bytes)
        #expect(bundle.entries.map(\.displayPath) == [
            path + "!cm/show_license.txt", path + "!" + longName,
            path + "!pax/" + String(repeating: "p", count: 120) + "/alerts.txt",
        ])
        #expect(bundle.entries.map { contents($0.localPath) } == [Array(Samples.cli.utf8), Array(Samples.licenseLog.utf8), Array(Samples.rtmtAlerts.utf8)])
        #expect(contents(bundle.entries[1].localPath) == Array(Samples.licenseLog.utf8))
        #expect(!bundle.hasUnreadableInput)
    }

    @Test("a truncated tar keeps the complete members and marks the cut one")
    func truncatedTar() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("a.log", Samples.licenseLog)
        tar.addFile("b.txt", String(repeating: Samples.cli, count: 10))
        tar.finish()
        let firstEnd = 512 + (Samples.licenseLog.utf8.count + 511) / 512 * 512
        let cut = Array(tar.bytes[0..<(firstEnd + 512 + 300)])
        let (path, bundle) = try scratch.open("cut.tar", cut)
        #expect(bundle.item(path + "!a.log")?.status == .parsed)
        #expect(bundle.item(path + "!b.txt")?.status == .partlyUnreadable)
        #expect(bundle.item(path + "!b.txt")?.reason?.contains("truncated") == true)
        #expect(bundle.item(path + "!b.txt")?.size == 300)
        #expect(bundle.item(path)?.status == .partlyUnreadable)
    }

    @Test("a damaged header stops the archive after the good members")
    func badHeader() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("a.log", Samples.licenseLog)
        tar.addFile("b.log", Samples.licenseLog)
        tar.finish()
        let second = 512 + (Samples.licenseLog.utf8.count + 511) / 512 * 512
        var damaged = tar.bytes
        damaged[second + 10] ^= 0x40
        let (path, bundle) = try scratch.open("bad.tar", damaged)
        #expect(bundle.entries.map(\.displayPath) == [path + "!a.log"])
        let archive = try #require(bundle.inventory.first)
        #expect(archive.status == .partlyUnreadable)
        #expect(archive.reason == "invalid tar header at offset \(second); the rest of the archive was not read")
        #expect(archive.reasons == [.invalidTarHeader(offset: second)], "the name's byte flipped: the checksum fails")
    }

    @Test("a tar.gz made by GNU tar is read", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tar")))
    func realTarTool() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let longName = String(repeating: "n", count: 150) + ".log"
        try scratch.write("src/" + longName, Samples.licenseLog)
        try scratch.write("src/svc.txt", Samples.serviceList)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        process.arguments = ["-czf", scratch.root + "/real.tgz", "-C", scratch.root + "/src", "."]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let bundle = BundleReader.open(paths: [scratch.root + "/real.tgz"], workDirectory: scratch.work)
        #expect(bundle.entries.map(\.displayPath).sorted() == [
            scratch.root + "/real.tgz!" + longName, scratch.root + "/real.tgz!svc.txt",
        ])
        #expect(Set(bundle.entries.map { contents($0.localPath) }) == Set([Array(Samples.licenseLog.utf8), Array(Samples.serviceList.utf8)]))
        #expect(!bundle.hasUnreadableInput)
    }
}
