import LicensingModel

/// The dated stamps a log scan keeps for year inference and coverage, in file order.
///
/// Of a run of stamps that print their year only the first and the last are kept: year inference only looks at the
/// dated stamps nearest to a yearless one, so memory grows with yearless stamps, not with lines.
///
/// A scanner reading one block of a file split for several cores cannot know the points before its block, so it
/// *records* its additions instead (``recording``); the scanner that stitches the blocks in file order replays
/// them (``replay(_:lineOffset:)``), which gives the same points, indices and first/last point as one pass.
struct ScanPoints: Sendable {
    /// Why a stamp is added, which decides what it does to ``firstPoint`` and ``lastPoint``.
    enum Role: Sendable {
        /// An event's stamp or an early line's: becomes the first point if there is none yet.
        case counted
        /// A candidate line that matched nothing: added only as the file's first point.
        case firstIfNone
        /// The last dated line of the file.
        case last
    }

    /// One recorded addition, with its block-relative line.
    struct Call: Sendable {
        var stamp: WallStamp
        var line: Int
        var role: Role
    }

    private(set) var points: [YearInference.Point] = []
    /// For each yearless point, the nearest dated point before it (what year inference takes its year from).
    private(set) var datedBefore: [Int: Int] = [:]
    private var lastDated: Int?
    private(set) var stamps: [WallStamp] = []
    private(set) var firstPoint: Int?
    private(set) var lastPoint: Int?
    /// When set, additions are recorded here (and indices returned are indices into it) instead of applied.
    private(set) var recording: [Call]?

    /// Points that record their additions for a later ``replay(_:lineOffset:)``.
    static func recorder() -> ScanPoints {
        var p = ScanPoints()
        p.recording = []
        return p
    }

    /// Adds `s`, seen at `line`, in the given role; returns its point index (nil when a ``Role/firstIfNone`` stamp
    /// is not needed).
    @discardableResult
    mutating func add(_ s: WallStamp, line: Int, role: Role) -> Int? {
        if role == .firstIfNone, firstPoint != nil { return nil }
        let k: Int
        if recording != nil {
            recording?.append(Call(stamp: s, line: line, role: role))
            k = (recording?.count ?? 1) - 1
        } else {
            k = append(s, line: line)
        }
        switch role {
        case .counted, .firstIfNone: if firstPoint == nil { firstPoint = k }
        case .last: lastPoint = k
        }
        return k
    }

    /// Applies a block's recorded additions in order, its lines shifted by `lineOffset`; returns, for each call, the
    /// point index it got here (nil for one not needed).
    mutating func replay(_ calls: [Call], lineOffset: Int) -> [Int?] {
        calls.map { add($0.stamp, line: $0.line + lineOffset, role: $0.role) }
    }

    private mutating func append(_ s: WallStamp, line: Int) -> Int {
        let point = YearInference.Point(year: s.year, month: s.month ?? 1, line: line)
        let n = points.count
        if s.year != nil, n >= 2, points[n - 1].year != nil, points[n - 2].year != nil, firstPoint != n - 1 {
            points[n - 1] = point
            stamps[n - 1] = s
            lastDated = n - 1
            return n - 1
        }
        points.append(point)
        stamps.append(s)
        if s.year != nil { lastDated = n } else if let d = lastDated { datedBefore[n] = d }
        return n
    }
}
