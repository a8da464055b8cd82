/// A ``ReportSink`` that keeps every byte in memory: the whole document, for the renderers' `String` forms and
/// tests. A command streams to its output instead.
public struct ReportBytes: ReportSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty document.
    public init() {}

    /// Appends `more`.
    public mutating func receive(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    /// The bytes as text (the renderers write UTF-8).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
