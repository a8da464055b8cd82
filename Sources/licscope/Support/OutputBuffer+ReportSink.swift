import Reports

/// A streamed report (``ReportStream``) writes its blocks straight into the command's output: standard output or
/// the `-o` file, `--redact` applied a line at a time.
extension OutputBuffer: ReportSink {
    mutating func receive(_ more: [UInt8]) { append(bytes: more) }
}
