import LicensingModel

/// The wall-time bound on reading one capture file, measured on a monotonic clock (never the analysis clock, which
/// stays injected). Readers ask it every 1,024 records, so a file that would take too long ends as damage at the
/// offset where reading stopped, and the run goes on with the other files.
struct ReadDeadline {
    private let wall: WallTimeLimit

    /// Starts the clock now.
    init(limit: Duration?) { wall = WallTimeLimit(limit) }

    /// No limit.
    static var none: ReadDeadline { ReadDeadline(limit: nil) }

    /// The reason to stop before record `index` (0-based), or nil to go on. Checked at record 1 and then every
    /// 1,024 records, so the clock costs nothing measurable and at least the first record is always read.
    func reasonToStop(beforeRecord index: Int) -> String? {
        guard index & 1023 == 1, wall.isReached else { return nil }
        return "per-file time limit of \(wall.seconds) s reached; the rest of the file was not read"
    }
}
