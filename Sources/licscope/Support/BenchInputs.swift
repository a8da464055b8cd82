import ArgumentParser
import Foundation
import PacketIngest
import TextIngest

/// The benchmark's generated inputs (deterministic; reused when already present) and where outputs go.
struct BenchInputs {
    /// The directory holding inputs and outputs.
    let directory: String
    /// The licscope binary being measured.
    let licscope: String

    init(directory: String, self licscope: String) {
        self.directory = directory
        self.licscope = licscope
    }

    /// A trace of `mb` MB in `shape`, generated when missing.
    func log(_ shape: SyntheticLicenseLog.Shape, mb: Int) throws -> String {
        let path = file("trace-\(shape.rawValue)-\(mb)mb.log")
        guard !FileManager.default.fileExists(atPath: path) else { return path }
        let s = try SyntheticLicenseLog.write(to: path + ".part", minimumBytes: mb * 1_000_000, shape: shape)
        try FileManager.default.moveItem(atPath: path + ".part", toPath: path)
        print("generated \(path): \(s.bytes) bytes, \(s.lines) lines, \(s.eventLines) in event blocks")
        return path
    }

    /// A capture of `mb` MB and a bundle folder holding only it (a hard link), generated when missing.
    func capture(mb: Int) throws -> (pcap: String, bundle: String) {
        let pcap = file("capture-\(mb)mb.pcap")
        let bundle = file("bundle-capture-\(mb)mb")
        if !FileManager.default.fileExists(atPath: pcap) {
            guard let made = BenchmarkCapture.write(path: pcap + ".part", targetBytes: mb * 1_000_000) else {
                throw ValidationError("cannot write \(pcap)")
            }
            try FileManager.default.moveItem(atPath: pcap + ".part", toPath: pcap)
            print("generated \(pcap): \(made.bytes) bytes, \(made.sessions) sessions")
        }
        let inner = (bundle as NSString).appendingPathComponent("packets.pcap")
        if !FileManager.default.fileExists(atPath: inner) {
            try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
            try FileManager.default.linkItem(atPath: pcap, toPath: inner)
        }
        return (pcap, bundle)
    }

    /// Every anchor of the shipped catalog, one per line, for `grep -F -f`.
    func anchorFile() throws -> String {
        let path = file("licensing-anchors.txt")
        let catalog = try MessageCatalog.bundled(rulesDirectory: nil)
        let text = catalog.prefilter.anchors.map { String(decoding: $0, as: UTF8.self) + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Where a measured command's standard output goes.
    func output(_ name: String) -> String { file("out-\(name)") }

    private func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Load average, CPU count and this process's nice value: the conditions the figures were taken in.
    static func machineState() -> String {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        errno = 0
        let niceness = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        return "load average \(load) on \(ProcessInfo.processInfo.activeProcessorCount) cores; nice \(niceness)"
    }
}
