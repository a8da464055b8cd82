import Foundation
import LicensingModel

/// Renders an ``AnalysisReport`` as the versioned JSON document (`licscope.analysis/1`, see `docs/report-schema.md`):
/// the report mapped to Reports' own ``AnalysisDocument`` types, then encoded.
public enum AnalysisJSONRenderer {
    /// The report as pretty-printed JSON with sorted keys, snake_case names and ISO-8601 UTC times; control and
    /// format characters in strings written as `\uXXXX` (``JSONText``).
    /// - Parameter r: the report.
    /// - Returns: the document, ending with a newline.
    /// - Throws: `EncodingError` when a value cannot be encoded (a non-finite number).
    public static func render(_ r: AnalysisReport) throws -> String { try encode(AnalysisDocument(r)) }

    /// `--summary --format json`: the short form as JSON (``AnalysisSummaryDocument``, `licscope.analysis-summary/1`),
    /// encoded and escaped as the full document is.
    /// - Parameter r: the report.
    /// - Returns: the document, ending with a newline.
    /// - Throws: `EncodingError` when a value cannot be encoded.
    public static func renderSummary(_ r: AnalysisReport) throws -> String { try encode(AnalysisSummaryDocument(r)) }

    private static func encode(_ document: some Encodable) throws -> String {
        String(decoding: JSONText.escapingFormatCharacters(try AnalysisReport.jsonEncoder().encode(document)), as: UTF8.self) + "\n"
    }
}
