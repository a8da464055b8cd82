import BundleIngest
import Foundation
import TestSupport
import Testing

/// Mutation tests: damaged archives must never trap, and every input must appear in the inventory.
@Suite("Damaged archives never crash the reader")
struct DamageRobustnessTests {
    static func archives() -> [(String, [UInt8])] {
        var zip = ZipBuilder()
        zip.add("a.log", Samples.licenseLog, method: 8)
        zip.add(.init(name: "b.txt", data: Array(Samples.cli.utf8), method: 8, dataDescriptor: true))
        var tar = TarBuilder()
        tar.addGNULongNameFile(String(repeating: "l", count: 120), Samples.licenseLog)
        tar.addPaxPathFile("pax/path.txt", Samples.cli)
        tar.addFile("c.log", Samples.syslog)
        tar.finish()
        return [("m.zip", zip.build()), ("m.tar", tar.bytes), ("m.tgz", DeflateEncoder.gzip(tar.bytes))]
    }

    @Test("flipping bytes and cutting archives short", arguments: archives().map(\.0))
    func mutations(name: String) throws {
        let original = try #require(Self.archives().first { $0.0 == name }?.1)
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = SplitMix(seed: 0x5eed)
        for round in 0..<120 {
            var bytes = original
            if round % 4 == 3 {
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
            } else {
                for _ in 0...(round % 3) {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            let (path, bundle) = try scratch.open("r\(round)-" + name, bytes)
            #expect(bundle.inventory.first?.displayPath.hasPrefix(path) == true)
            for entry in bundle.entries {
                #expect(FileManager.default.fileExists(atPath: entry.localPath))
            }
            bundle.removeWorkDirectory()
        }
    }
}

