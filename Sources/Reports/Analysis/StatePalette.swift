/// One distinct color per state value across every band (registration, authorization, enforcement, transport), so a
/// color names one state wherever it appears: timeline rectangles, the legend and the table swatches.
enum StatePalette {
    /// Value, fill color, and whether a label on it needs light text.
    static let colors: [(value: String, color: String, dark: Bool)] = [
        ("UNREGISTERED", "#b0bec5", false),
        ("REGISTERED", "#2e7d32", true),
        ("REGISTRATION EXPIRED", "#8e0000", true),
        ("NO LICENSES IN USE", "#eceff1", false),
        ("EVALUATION MODE", "#42a5f5", false),
        ("EVALUATION EXPIRED", "#6a1b9a", true),
        ("AUTHORIZED", "#81c784", false),
        ("OUT OF COMPLIANCE", "#fdd835", false),
        ("AUTHORIZATION EXPIRED", "#e53935", true),
        ("NONE", "#80cbc4", false),
        ("OVERAGE", "#fb8c00", false),
        ("NO PROVISIONING", "#5d4037", true),
        ("direct", "#5c6bc0", true),
        ("proxy", "#f06292", false),
        ("satellite", "#26c6da", false),
        ("gateway", "#d4e157", false),
        ("slr", "#a1887f", false),
        ("unknown", "#f5f5f5", false),
    ]

    /// The fill of a value outside ``colors`` (a value a later engine adds): grey, and hatched by its class.
    static let fallback = "#9e9e9e"

    /// Whether `value` gets light label text.
    static func isDark(_ value: String) -> Bool { colors.first { $0.value == value }?.dark ?? false }

    /// CSS rules giving each known value's class its fill (SVG) and background (legend and table swatches).
    static var css: String {
        colors.map { ".\(HTMLText.stateClass($0.value)){fill:\($0.color);background:\($0.color)}" }.joined(separator: "\n")
    }
}
