import LicensingModel

/// An event recognized during the byte scan, before its year is known.
struct EventDraft: Sendable {
    var kind: EventKind
    var line: Int
    var fields: [String: FieldValue]
    /// The line's excerpt; nil when it is left to be re-read (``LineExcerpts``).
    var excerpt: String?
    /// The stamp to use (the line's own, or its context's) and, for context stamps, where it came from.
    var stamp: WallStamp?
    var stampLine: Int
    var notes: [String]
    var entryID: String
    /// Index into the scanner's year-inference points, when `stamp` is set.
    var point: Int?
    /// The stamp lies in an hour its zone repeats, and an earlier line (event or not) had already passed that wall
    /// time: the stamp is the hour's second occurrence.
    var afterRepeatedWall = false
    /// Its excerpt and string fields passed the cheap secret screen (``Redaction/mayContainSecret(_:)``): the event
    /// is made without screening them again.
    var screened = false
}

extension EventDraft {
    /// A draft that owns no storage, left behind where a draft was moved out of an array.
    static let vacated = EventDraft(
        kind: .communicationFailed, line: 0, fields: [:], excerpt: nil, stamp: nil, stampLine: 0, notes: [],
        entryID: "", point: nil)

    /// Moves `draft` out, leaving ``vacated`` in its place: the caller gets its storage without a copy (reading an
    /// array element retains every field, string and note, and destroying it later releases them again).
    static func take(_ draft: inout EventDraft) -> EventDraft {
        var out = vacated
        swap(&out, &draft)
        return out
    }
}
