import Foundation

/// Ladders for licensing names whose resolution failed (the attempt never reached TCP): failures for the same
/// name within ten seconds (A and AAAA, retries) are one attempt.
enum DNSFailureLadders {
    static func ladders(_ failures: [DNSTracker.Failure]) -> [ConnectionLadder] {
        var out: [ConnectionLadder] = []
        var lastIndex: [String: (index: Int, time: FrameTime)] = [:]
        for f in failures.sorted(by: { $0.frame < $1.frame }) where LicensingEndpoints.isLicensingHost(f.name) {
            if let previous = lastIndex[f.name], previous.time.milliseconds(to: f.time) <= 10_000 {
                out[previous.index].frames.append(f.frame)
                lastIndex[f.name] = (previous.index, f.time)
                continue
            }
            let stage = ConnectionLadder.Stage(name: "dns", ok: false, detail: f.reason, frame: f.frame)
            let why = f.reason == "timeout" ? "no DNS answer for \(f.name)" : "DNS \(f.reason) for \(f.name)"
            out.append(ConnectionLadder(
                endpoint: f.name, targetHost: f.name, targetPort: nil, viaProxy: false, proxy: nil, stages: [stage],
                failure: why, frames: [f.frame], time: f.time.date))
            lastIndex[f.name] = (out.count - 1, f.time)
        }
        return out
    }
}
