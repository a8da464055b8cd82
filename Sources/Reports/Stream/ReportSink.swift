/// Where a streamed report goes (``ReportStream``): its bytes, handed over in order, a block at a time, as they are
/// rendered. The command's output buffer is one (standard output or the `-o` file); ``ReportBytes`` keeps them.
public protocol ReportSink {
    /// Takes the next bytes of the report (the caller reuses its array afterwards).
    mutating func receive(_ bytes: [UInt8])
}
