import Foundation
import Testing

/// Produces reference compressed data with the system's `gzip` (RFC 1952), and derives zlib and raw DEFLATE
/// forms from it, so decoding is checked against an independent encoder.
enum GzipTool {
    /// `gzip -c -n -<level>` of `data`; nil when the `gzip` tool is missing.
    static func gzip(_ data: [UInt8], level: Int = 6) throws -> [UInt8]? {
        guard let tool = ["/usr/bin/gzip", "/bin/gzip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-c", "-n", "-\(level)"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write from another thread so a large output cannot deadlock the pipe.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(data))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](compressed) : nil
    }

    /// The raw DEFLATE body of a single-member gzip produced with `-n` (10-byte header, 8-byte trailer).
    static func rawDeflate(fromGzip member: [UInt8]) -> [UInt8] {
        Array(member[10..<(member.count - 8)])
    }

    /// The zlib (RFC 1950) wrapping of `data`, whose raw DEFLATE body is `raw`.
    static func zlib(raw: [UInt8], original data: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = (b << 16) | a
        return [0x78, 0x9c] + raw + [UInt8(adler >> 24), UInt8((adler >> 16) & 0xff), UInt8((adler >> 8) & 0xff), UInt8(adler & 0xff)]
    }

    /// Deterministic log-like text of about `size` bytes.
    static func sampleText(size: Int) -> [UInt8] {
        var text = ""
        var line = 0
        while text.utf8.count < size {
            line += 1
            text += "2018-01-26 15:11:\(line % 60) INFO [SmartAgent] line \(line) value \(line &* 2654435761 % 100_000)\n"
        }
        return Array(text.utf8.prefix(size))
    }

    /// A fresh temporary file holding `bytes`; the caller removes it.
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("inflate-test-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
