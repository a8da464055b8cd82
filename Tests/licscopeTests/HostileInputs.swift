import Foundation
import TestSupport
import Testing

/// The bad-input corpus, generated from the samples into a scratch folder (nothing large is committed): truncated
/// archives and captures, bombs, traversal and links, garbage named `.log`, a huge line, NUL bytes, invalid UTF-8,
/// empty files and pcapng damage. Each case is one path given to every command.
enum HostileInputs {
    /// One case: its name (also the file's name) and whether the input is damaged or refused (so `analyze` must
    /// say so with exit 3, 4 or 5), rather than merely unusual.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var damaged: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "truncated.zip", damaged: true), Case(name: "truncated.tar.gz", damaged: true),
        Case(name: "truncated.tar", damaged: true), Case(name: "truncated-slm.log.1.gz", damaged: true),
        Case(name: "truncated.pcap", damaged: true), Case(name: "truncated.pcapng", damaged: true),
        Case(name: "trailer-mismatch.pcapng", damaged: true), Case(name: "garbage-after-header.pcapng", damaged: true),
        Case(name: "zip-bomb.zip", damaged: true), Case(name: "gzip-bomb-slm.log.gz", damaged: true),
        Case(name: "traversal.tar", damaged: true), Case(name: "links.tar", damaged: true),
        Case(name: "symlinks", damaged: true), Case(name: "garbage-slm.log", damaged: false),
        Case(name: "huge-line-slm.log", damaged: false), Case(name: "nul-bytes-slm.log", damaged: false),
        Case(name: "invalid-utf8-slm.log", damaged: false), Case(name: "empty.cap", damaged: true),
        Case(name: "bit-flipped.zip", damaged: true), Case(name: "bit-flipped.pcap", damaged: false),
        Case(name: "lying-size.zip", damaged: true), Case(name: "nested-bomb.zip", damaged: true),
        Case(name: "fifo-folder", damaged: true), Case(name: "dev-zero", damaged: true),
    ]

    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples")

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: sample.appendingPathComponent(relative)))
    }

    /// Creates the case's input in `folder`; returns its path.
    static func make(_ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let log = try bytes("proxy-443-bundle/cm/trace/slm/log4j/slm.log")
        func write(_ data: [UInt8]) throws { try Data(data).write(to: URL(fileURLWithPath: path)) }
        func cut(_ data: [UInt8], _ fraction: Double) -> [UInt8] { Array(data.prefix(Int(Double(data.count) * fraction))) }
        switch name {
        case "truncated.zip": try write(cut(bytes("mixed-archives-johannesburg/bundle/karoo-cli.zip"), 0.6))
        case "truncated.tar.gz": try write(cut(bytes("yearless-new-year-helsinki/bundle/collect.tar.gz"), 0.6))
        case "truncated.tar": try write(cut(tar([("cm/slm.log", log), ("cm/slm.log.1", log)]), 0.7))
        case "truncated-slm.log.1.gz": try write(cut(bytes("slm-stopped-chicago/bundle/cm/trace/slm/log4j/slm.log.1.gz"), 0.6))
        case "truncated.pcap": try write(cut(bytes("proxy-443-bundle/packets.cap"), 0.6))
        case "truncated.pcapng": try write(cut(pcapng(from: bytes("proxy-443-bundle/packets.cap")), 0.6))
        case "trailer-mismatch.pcapng":
            var ng = pcapng(from: try bytes("proxy-443-bundle/packets.cap"))
            let first = 28 + 20  // SHB, IDB
            let length = Int(ng[first + 4]) | Int(ng[first + 5]) << 8
            ng[first + length - 4] ^= 0x40  // the first EPB's trailer
            try write(ng)
        case "garbage-after-header.pcapng":
            // A section header, then 4 MiB of plausible block headers whose trailers never match (the resync path).
            var ng = Array(pcapng(from: try bytes("proxy-443-bundle/packets.cap")).prefix(28 + 20))
            for _ in 0..<(1 << 19) { ng += [6, 0, 0, 0, 12, 0, 0, 0] }
            try write(ng)
        case "zip-bomb.zip": try Shell.check("head -c 300000000 /dev/zero | zip -q -9 '\(path)' -")
        case "gzip-bomb-slm.log.gz": try Shell.check("head -c 300000000 /dev/zero | gzip -9 > '\(path)'")
        case "traversal.tar":
            try write(tar([("../../licscope-escape/slm.log", log), ("/tmp/licscope-absolute.log", log)]) + [UInt8](repeating: 0, count: 1024))
        case "links.tar":
            try write(tar([("passwd", [])], type: UInt8(ascii: "2"), link: "/etc/passwd")
                + tar([("hard", [])], type: UInt8(ascii: "1"), link: "/etc/shadow") + [UInt8](repeating: 0, count: 1024))
        case "symlinks":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path + "/passwd", withDestinationPath: "/etc/passwd")
            try FileManager.default.createSymbolicLink(atPath: path + "/loop", withDestinationPath: path)
        case "garbage-slm.log":
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            try write((0..<(256 << 10)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            })
        case "huge-line-slm.log":
            try write(Array(log.prefix(400)) + [UInt8](repeating: UInt8(ascii: "A"), count: 32 << 20) + [10] + log)
        case "nul-bytes-slm.log": try write(log.flatMap { $0 == UInt8(ascii: " ") ? [0, $0] : [$0] })
        case "invalid-utf8-slm.log": try write(log.flatMap { $0 == UInt8(ascii: "|") ? [0xFF, 0xC0, $0] : [$0] })
        case "empty.cap": try write([])
        case "bit-flipped.zip": try write(flipped(bytes("mixed-archives-johannesburg/bundle/karoo-cli.zip"), every: 97))
        case "bit-flipped.pcap": try write(flipped(bytes("proxy-443-bundle/packets.cap"), every: 61, from: 24))
        case "lying-size.zip":
            // A 5 MiB member whose local header and central directory both declare 1,000 bytes.
            try Shell.check("head -c 5242880 /dev/zero > big.log && zip -q -9 '\(path)' big.log && rm big.log", in: folder.path)
            try write(declaring(1000, in: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        case "nested-bomb.zip":
            try Shell.check(
                "head -c 300000000 /dev/zero | gzip -9 > inner-slm.log.gz && zip -q -0 '\(path)' inner-slm.log.gz && rm inner-slm.log.gz",
                in: folder.path)
        case "fifo-folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Shell.check("mkfifo '\(path)/slm.log'")
        case "dev-zero": return "/dev/zero"
        default: throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// `data` with one byte inverted every `every` bytes from `from` on.
    static func flipped(_ data: [UInt8], every: Int, from: Int = 0) -> [UInt8] {
        var out = data
        for i in stride(from: from, to: out.count, by: every) { out[i] ^= 0xFF }
        return out
    }

    /// A zip with every local header and central directory entry's uncompressed size set to `size`.
    static func declaring(_ size: Int, in zip: [UInt8]) -> [UInt8] {
        var out = zip
        func put(_ at: Int) { for k in 0..<4 where at + k < out.count { out[at + k] = UInt8(truncatingIfNeeded: size >> (8 * k)) } }
        var i = 0
        while i + 4 <= out.count {
            let signature = Array(out[i..<(i + 4)])
            if signature == [0x50, 0x4B, 0x03, 0x04] { put(i + 22) } else if signature == [0x50, 0x4B, 0x01, 0x02] { put(i + 24) }
            i += 1
        }
        return out
    }

    /// ustar entries (regular files unless `type` says otherwise), without the closing zero blocks.
    static func tar(_ entries: [(String, [UInt8])], type: UInt8 = UInt8(ascii: "0"), link: String = "") -> [UInt8] {
        var out: [UInt8] = []
        for (name, data) in entries {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, _ offset: Int) { for (i, b) in text.utf8.enumerated() { header[offset + i] = b } }
            put(name, 0)
            put("0000644", 100); put("0000000", 108); put("0000000", 116)
            put(String(repeating: "0", count: 11 - String(data.count, radix: 8).count) + String(data.count, radix: 8), 124)
            put("14707246400", 136)
            put("        ", 148)
            header[156] = type
            put(link, 157)
            put("ustar", 257); put("00", 263)
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(repeating: "0", count: 6 - String(sum, radix: 8).count) + String(sum, radix: 8), 148)
            header[154] = 0
            out += header + data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
        }
        return out
    }

    /// A little-endian classic pcap (µs) rewritten as pcapng: SHB, one IDB, one EPB per record.
    static func pcapng(from pcap: [UInt8]) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func u32(_ i: Int) -> Int { Int(pcap[i]) | Int(pcap[i + 1]) << 8 | Int(pcap[i + 2]) << 16 | Int(pcap[i + 3]) << 24 }
        func block(_ type: Int, _ body: [UInt8]) -> [UInt8] {
            let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
            return le32(type) + le32(12 + padded.count) + padded + le32(12 + padded.count)
        }
        var out = block(0x0A0D_0D0A, [0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0] + [UInt8](repeating: 0xFF, count: 8))
        out += block(1, [UInt8(pcap[20]), UInt8(pcap[21]), 0, 0] + le32(262_144))
        var i = 24
        while i + 16 <= pcap.count {
            let caplen = u32(i + 8), orig = u32(i + 12)
            guard i + 16 + caplen <= pcap.count else { break }
            let ticks = u32(i) * 1_000_000 + u32(i + 4)
            out += block(6, le32(0) + le32(ticks >> 32) + le32(ticks & 0xFFFF_FFFF) + le32(caplen) + le32(orig)
                + Array(pcap[(i + 16)..<(i + 16 + caplen)]))
            i += 16 + caplen
        }
        return out
    }
}
