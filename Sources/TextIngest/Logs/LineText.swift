/// One log line's text as ``LogIngester`` makes it when it keeps line text (``LogIngestOptions/keepLineText``).
public struct LineText: Sendable, Equatable {
    /// The line's excerpt: without its line break, cut at the matched length, NUL bytes replaced, secrets redacted
    /// before it is cut to the excerpt length.
    public var excerpt: String
    /// The timestamp text as printed that the line's events are dated by: the line's own, or for a continuation
    /// line that prints none, that of the nearest line above with a date (as the scan looks for it); nil when
    /// neither is found.
    public var stamp: String?
}
