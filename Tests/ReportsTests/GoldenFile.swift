import Foundation
import Testing

/// Compares rendered output with a golden file under `Fixtures/golden/`.
///
/// The golden is read from the test bundle (`Bundle.module`); on mismatch the actual output is written next to the
/// golden in the source tree (`<name>.actual`) and the failure carries `diff -U5 golden actual`.
/// `LICSCOPE_UPDATE_GOLDEN=1 swift test --filter ReportsTests` rewrites the goldens in the source tree instead.
enum GoldenFile {
    /// `Tests/ReportsTests/Fixtures/golden` in the source tree.
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["LICSCOPE_UPDATE_GOLDEN"] == "1" }

    /// Checks `actual` against the golden `name` and records an issue with a unified diff when they differ.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let sourceGolden = sourceDirectory.appendingPathComponent(name)
        let actualURL = sourceDirectory.appendingPathComponent(name + ".actual")
        if updating {
            do {
                try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: sourceGolden)
                try? FileManager.default.removeItem(at: actualURL)
            } catch {
                Issue.record("cannot update golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let bundled = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/golden"),
            let expected = try? String(contentsOf: bundled, encoding: .utf8)
        else {
            try? Data(actual.utf8).write(to: actualURL)
            Issue.record(
                "golden \(name) is missing; run LICSCOPE_UPDATE_GOLDEN=1 swift test --filter ReportsTests",
                sourceLocation: sourceLocation)
            return
        }
        if expected == actual {
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        do {
            try Data(actual.utf8).write(to: actualURL)
        } catch {
            Issue.record("cannot write \(actualURL.path): \(error)", sourceLocation: sourceLocation)
        }
        Issue.record(
            "\(name) differs from its golden (actual written to \(actualURL.path)):\n\(diff(bundled, actualURL))",
            sourceLocation: sourceLocation)
    }

    /// `diff -U5 a b`, or a note when diff cannot run.
    static func diff(_ a: URL, _ b: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-U5", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return "(could not run /usr/bin/diff: \(error))"
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
