/// Where a streamed report goes (``ReportStream``): its bytes, handed over in order, a block at a time, as they are
/// rendered. The command's output (standard output or the `-o` file) is one; ``ReportBytes`` keeps them in memory.
/// A stream may be rendered on another thread than the one that made it (its type is used there).
public protocol ReportSink: SendableMetatype {
    /// Takes the next bytes of the report (the caller reuses its array afterwards).
    mutating func receive(_ bytes: [UInt8])

    /// Writes out whatever the sink held back (for example a line cut by a block boundary, kept until its end so
    /// it can be rewritten whole); ``ReportStream/finish()`` calls it after handing over its last block.
    mutating func flush()
}

extension ReportSink {
    /// Nothing is held back.
    public mutating func flush() {}
}
