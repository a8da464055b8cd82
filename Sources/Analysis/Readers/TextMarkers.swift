/// How a reader recognises one text kind it reads, for the registry's line vote (``TextVote``): the literal
/// markers a line of that kind contains, a line layout that claims lines no more specific marker claimed, and
/// name fragments that break a tie between equally voted kinds.
public struct TextMarkers: Sendable {
    /// The kind a line carrying one of the markers votes for.
    public var kind: ContentKind
    /// Literal byte strings, any one of which marks a line as this kind.
    public var markers: [[UInt8]]
    /// A line layout that votes for this kind when the line holds no marker of this kind or of a more specific
    /// one (a timestamped trace line quoting CLI words); nil for none.
    public var layout: (@Sendable (ArraySlice<UInt8>) -> Bool)?
    /// Name fragments (lower case) that pick this kind among the leaders of a tied vote.
    public var nameHints: [String]

    /// Markers for `kind`.
    public init(
        _ kind: ContentKind, markers: [String], nameHints: [String] = [],
        layout: (@Sendable (ArraySlice<UInt8>) -> Bool)? = nil
    ) {
        self.kind = kind
        self.markers = markers.map { Array($0.utf8) }
        self.nameHints = nameHints
        self.layout = layout
    }
}
