import ArgumentParser
import Foundation
import PacketIngest

/// `licscope bench packets`: generates a capture, then times licscope's extraction, tshark's comparable field
/// extraction, and a bare libpcap read loop, in one run.
struct BenchPacketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packets", abstract: "Time capture analysis against tshark and a bare libpcap loop.")

    @Option(name: .customLong("size-mb"), help: "Size of the generated capture in MB.")
    var sizeMB: Int = 300

    @Option(help: "Directory for the generated capture.")
    var out: String = "bench-data"

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = (out as NSString).appendingPathComponent("bench-packets-\(sizeMB)mb.pcap")
        let clock = ContinuousClock()
        if !FileManager.default.fileExists(atPath: path) {
            let started = clock.now
            guard let made = BenchmarkCapture.write(path: path, targetBytes: sizeMB * 1_000_000) else {
                throw ValidationError("cannot write \(path)")
            }
            print("generated \(path): \(made.bytes) bytes, \(made.sessions) sessions in \(clock.now - started)")
        }
        // Best of three for the two fast measurements (the machine is shared); tshark runs once.
        var bare: (frames: Int, bytes: Int)?
        let bareTime = (0..<3).map { _ in clock.measure { bare = BareLibpcapLoop.run(path: path) } }.min() ?? .zero
        Self.resetPeakResident()
        var analysis: CaptureAnalysis?
        let ourTime = (0..<3).map { _ in
            clock.measure { analysis = CaptureAnalyzer.analyze(path: path, options: CaptureOptions()) }
        }.min() ?? .zero
        let peakMB = Self.peakResidentMB()
        let tsharkTime = Self.timeTshark(path: path, clock: clock)

        let ours = ourTime.seconds
        print("capture:        \(path) (\(bare?.frames ?? 0) frames)")
        print("bare libpcap:   \(Self.fmt(bareTime.seconds)) s (best of 3)")
        print("licscope:       \(Self.fmt(ours)) s  (best of 3; \(analysis?.events.count ?? 0) events, "
              + "\(analysis?.ladders.count ?? 0) ladders, peak RSS during analysis \(peakMB) MB)")
        print("licscope / bare libpcap: \(Self.fmt(ours / max(bareTime.seconds, 1e-9)))× slower (target ≤ 3×)")
        if let t = tsharkTime {
            print("tshark:         \(Self.fmt(t)) s  (tshark -n -r F -Y 'tls.handshake or dns or "
                  + "http.request.method == \"CONNECT\"' -T fields -e frame.number -e tls.handshake.type "
                  + "-e tls.handshake.extensions_server_name -e dns.qry.name -e dns.flags.rcode -e http.request.uri)")
            print("tshark / licscope:       \(Self.fmt(t / max(ours, 1e-9)))× faster (target ≥ 30×)")
        } else {
            print("tshark:         not run (tshark not installed)")
        }
    }

    static func timeTshark(path: String, clock: ContinuousClock) -> Double? {
        let candidates = ["/usr/bin/tshark", "/usr/local/bin/tshark"]
        guard let tshark = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tshark)
        p.arguments = [
            "-n", "-r", path, "-Y", "tls.handshake or dns or http.request.method == \"CONNECT\"", "-T", "fields",
            "-e", "frame.number", "-e", "tls.handshake.type", "-e", "tls.handshake.extensions_server_name",
            "-e", "dns.qry.name", "-e", "dns.flags.rcode", "-e", "http.request.uri",
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        var ok = false
        let elapsed = clock.measure {
            ok = (try? p.run()) != nil
            if ok { p.waitUntilExit() }
        }
        return ok ? elapsed.seconds : nil
    }

    /// Resets the kernel's peak-RSS counter (`/proc/self/clear_refs` 5), so the figure covers the analysis only.
    static func resetPeakResident() {
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            handle.write(Data("5".utf8))
            try? handle.close()
        }
    }

    static func peakResidentMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb / 1024
        }
        return -1
    }

    static func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
