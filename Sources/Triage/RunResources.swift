import Foundation

/// The whole run's memory: the triage process itself and its largest analysis (`getrusage`). Analyses run
/// `jobs` at a time, so the run's peak is at most `parent + jobs × largest child`.
public struct RunResources: Sendable, Hashable {
    public var parentPeakBytes: Int
    public var largestChildPeakBytes: Int

    /// Measured now.
    public static func current() -> RunResources {
        var me = rusage()
        var children = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &me)
            getrusage(RUSAGE_CHILDREN.rawValue, &children)
        #else
            getrusage(RUSAGE_SELF, &me)
            getrusage(RUSAGE_CHILDREN, &children)
        #endif
        #if canImport(Darwin)
            let scale = 1
        #else
            let scale = 1024
        #endif
        return RunResources(parentPeakBytes: Int(me.ru_maxrss) * scale, largestChildPeakBytes: Int(children.ru_maxrss) * scale)
    }

    /// `peak memory: triage 12.3 MiB, largest analysis 45.6 MiB`.
    public var line: String {
        let mib = { (bytes: Int) in String(format1: Double(bytes) / 1_048_576) + " MiB" }
        return "peak memory: triage \(mib(parentPeakBytes)), largest analysis \(mib(largestChildPeakBytes))"
    }
}
