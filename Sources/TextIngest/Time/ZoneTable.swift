/// Time-zone abbreviations as printed by CUCM, IOS and log layouts, mapped to fixed UTC offsets.
///
/// Abbreviations are not unique (IST is India, Israel and Ireland). The table picks the reading most common
/// for Cisco collaboration deployments and says so: every use of an ambiguous entry is recorded on the event
/// as an assumption, and `--tz` overrides it.
public enum ZoneTable {
    /// One abbreviation's reading.
    public struct Entry: Hashable, Sendable {
        /// Seconds east of UTC.
        public var offsetSeconds: Int
        /// Where it is used, for the assumption text.
        public var meaning: String
        /// Other readings, when ambiguous (`Israel Standard Time +02:00`).
        public var alternatives: [String]
    }

    /// Looks an abbreviation up, case-insensitively.
    public static func entry(for abbreviation: some StringProtocol) -> Entry? {
        table[abbreviation.uppercased()]
    }

    /// Whether the upper-case ASCII letters `b` are an abbreviation of the table (what ``entry(for:)`` finds for
    /// them), read without making a string.
    static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count <= 8 && packedAbbreviations.contains(pack(b))
    }

    private static let packedAbbreviations = Set(table.keys.map(\.utf8).filter { $0.count <= 8 }.map(pack))

    private static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func e(_ h: Int, m: Int = 0, _ meaning: String, _ alternatives: [String] = []) -> Entry {
        let sign = h < 0 ? -1 : 1
        return Entry(offsetSeconds: h * 3600 + sign * m * 60, meaning: meaning, alternatives: alternatives)
    }

    private static let table: [String: Entry] = [
        "UTC": e(0, "Coordinated Universal Time"), "GMT": e(0, "Greenwich Mean Time"), "Z": e(0, "UTC"),
        "UT": e(0, "Universal Time"), "WET": e(0, "Western European Time"),
        "WEST": e(1, "Western European Summer Time"),
        "IST": e(5, m: 30, "India Standard Time +05:30", ["Israel Standard Time +02:00", "Irish Standard Time +01:00"]),
        "IDT": e(3, "Israel Daylight Time +03:00"),
        "BST": e(1, "British Summer Time +01:00", ["Bangladesh Standard Time +06:00"]),
        "CET": e(1, "Central European Time"), "CEST": e(2, "Central European Summer Time"),
        "MET": e(1, "Middle European Time"), "MEST": e(2, "Middle European Summer Time"),
        "EET": e(2, "Eastern European Time"), "EEST": e(3, "Eastern European Summer Time"),
        "MSK": e(3, "Moscow Time"), "SAST": e(2, "South Africa Standard Time"),
        "CAT": e(2, "Central Africa Time"), "EAT": e(3, "East Africa Time"), "WAT": e(1, "West Africa Time"),
        "GST": e(4, "Gulf Standard Time +04:00", ["South Georgia Time -02:00"]),
        "PKT": e(5, "Pakistan Standard Time"), "NPT": e(5, m: 45, "Nepal Time"),
        "ICT": e(7, "Indochina Time"), "WIB": e(7, "Western Indonesia Time"),
        "SGT": e(8, "Singapore Time"), "HKT": e(8, "Hong Kong Time"), "AWST": e(8, "Australian Western Standard Time"),
        "PHT": e(8, "Philippine Time"), "MYT": e(8, "Malaysia Time"),
        "JST": e(9, "Japan Standard Time"), "KST": e(9, "Korea Standard Time"),
        "ACST": e(9, m: 30, "Australian Central Standard Time"), "ACDT": e(10, m: 30, "Australian Central Daylight Time"),
        "AEST": e(10, "Australian Eastern Standard Time"), "AEDT": e(11, "Australian Eastern Daylight Time"),
        "NZST": e(12, "New Zealand Standard Time"), "NZDT": e(13, "New Zealand Daylight Time"),
        "EST": e(-5, "US Eastern Standard Time -05:00"), "EDT": e(-4, "US Eastern Daylight Time -04:00"),
        "CST": e(-6, "US Central Standard Time -06:00", ["China Standard Time +08:00", "Cuba Standard Time -05:00"]),
        "CDT": e(-5, "US Central Daylight Time -05:00"),
        "MST": e(-7, "US Mountain Standard Time -07:00"), "MDT": e(-6, "US Mountain Daylight Time -06:00"),
        "PST": e(-8, "US Pacific Standard Time -08:00", ["Philippine Standard Time +08:00"]),
        "PDT": e(-7, "US Pacific Daylight Time -07:00"),
        "AKST": e(-9, "Alaska Standard Time"), "AKDT": e(-8, "Alaska Daylight Time"),
        "HST": e(-10, "Hawaii Standard Time"),
        "AST": e(-4, "Atlantic Standard Time -04:00", ["Arabia Standard Time +03:00"]),
        "ADT": e(-3, "Atlantic Daylight Time"),
        "NST": e(-3, m: 30, "Newfoundland Standard Time"), "NDT": e(-2, m: 30, "Newfoundland Daylight Time"),
        "BRT": e(-3, "Brasilia Time"), "ART": e(-3, "Argentina Time"), "CLT": e(-4, "Chile Standard Time"),
    ]

    /// The IANA zone whose rules a printed abbreviation most likely stands for, and what that choice leaves open.
    /// Abbreviations name offsets, not rules: the zone is what reads a source printing no zone at all (a trace of
    /// the node whose `show license` output printed the abbreviation).
    public static func ianaZone(for abbreviation: some StringProtocol) -> (identifier: String, note: String?)? {
        guard let id = iana[abbreviation.uppercased()] else { return nil }
        return (id, ianaNotes[abbreviation.uppercased()])
    }

    private static let iana: [String: String] = [
        "UTC": "UTC", "Z": "UTC", "UT": "UTC", "GMT": "Europe/London", "BST": "Europe/London",
        "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
        "CET": "Europe/Paris", "CEST": "Europe/Paris", "MET": "Europe/Paris", "MEST": "Europe/Paris",
        "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
        "IST": "Asia/Kolkata", "IDT": "Asia/Jerusalem", "SAST": "Africa/Johannesburg", "CAT": "Africa/Maputo",
        "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "GST": "Asia/Dubai", "PKT": "Asia/Karachi",
        "NPT": "Asia/Kathmandu", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta", "SGT": "Asia/Singapore",
        "HKT": "Asia/Hong_Kong", "AWST": "Australia/Perth", "PHT": "Asia/Manila", "MYT": "Asia/Kuala_Lumpur",
        "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
        "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland",
        "NZDT": "Pacific/Auckland", "EST": "America/New_York", "EDT": "America/New_York",
        "CST": "America/Chicago", "CDT": "America/Chicago", "MST": "America/Denver", "MDT": "America/Denver",
        "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "AKST": "America/Anchorage",
        "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu", "AST": "America/Halifax", "ADT": "America/Halifax",
        "NST": "America/St_Johns", "NDT": "America/St_Johns", "BRT": "America/Sao_Paulo",
        "ART": "America/Argentina/Buenos_Aires", "CLT": "America/Santiago",
    ]

    /// The IANA zones that print an ambiguous abbreviation with one of its other meanings (Asia/Jerusalem's IST).
    /// When the node's own zone evidence (`show timezone config`, `--tz`) names one of them, the abbreviation is that
    /// zone's, read by its rules at the printed date.
    public static func otherZones(printing abbreviation: some StringProtocol) -> Set<String> {
        otherZoneTable[abbreviation.uppercased()] ?? []
    }

    private static let otherZoneTable: [String: Set<String>] = [
        "IST": ["Asia/Jerusalem", "Asia/Tel_Aviv", "Israel", "Europe/Dublin", "Eire"],
        "CST": ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Taipei", "Asia/Macau", "PRC", "America/Havana", "Cuba"],
        "BST": ["Asia/Dhaka"],
        "PST": ["Asia/Manila"],
        "AST": ["Asia/Riyadh", "Asia/Baghdad", "Asia/Kuwait", "Asia/Qatar", "Asia/Bahrain", "Asia/Aden"],
        "GST": ["Atlantic/South_Georgia"],
    ]

    private static let ianaNotes: [String: String] = [
        "IST": "IST is also Israel and Ireland; override with --tz Asia/Jerusalem or --tz Europe/Dublin",
        "CET": "Europe/Paris stands for the EU rules (last Sundays of March and October) that every CET zone follows; an exact --tz (Europe/Zurich) gives the same instants",
        "CEST": "Europe/Paris stands for the EU rules (last Sundays of March and October) that every CET zone follows; an exact --tz (Europe/Zurich) gives the same instants",
        "GMT": "GMT alone could also be UTC all year; Europe/London (GMT in winter, BST in summer) assumed",
        "CST": "CST is also China and Cuba; override with --tz Asia/Shanghai",
        "MST": "MST without MDT may be America/Phoenix (no DST); override with --tz America/Phoenix",
        "EST": "EST without EDT may be a zone without DST (America/Panama); override with --tz",
        "AST": "AST is also Arabia Standard Time; override with --tz Asia/Riyadh",
        "BST": "BST is also Bangladesh; override with --tz Asia/Dhaka",
    ]
}
