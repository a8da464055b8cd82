/// Which CUCM releases Field Notice FN72318 (QuoVadis Root CA 2 decommission; tools.cisco.com now chains to
/// IdenTrust Commercial Root CA 1) affects, from domain-notes §5.3. Only the quoted text is verbatim; the notes also
/// list "11.5(x), 12.0(1)/(2), 14" outside the quote, and those are reported as inferred.
enum FN72318Releases {
    /// [V] FN72318's affected list, as quoted in domain-notes §5.3.
    static let affectedQuote = "UCM 12.0(1)SU1 … 12.0(1)SU5, 12.5(1), 12.5(1)SU1 … SU4"
    /// [V] FN72318's fixed releases, as quoted in domain-notes §5.3.
    static let fixQuote = "CUCM 12.5.1 SU5 or later CUCM 14 SU1 or later"
    /// [V] The COP file for releases without the fix (v1.0 was insufficient, CSCwb50904).
    static let cop = "ciscocm.slm_quovadis_rootCA_decommission_v1.1.k4.cop.sha512"

    /// How a release stands.
    enum Standing: Equatable {
        /// In the quoted affected list.
        case affected
        /// Affected by the notes' unquoted list or by reading the fix statement backwards; the reason says which.
        case affectedInferred(String)
        /// The SU level decides and is not known; the reason gives the cut-off.
        case dependsOnSU(String)
        /// At or past a quoted fixed release.
        case fixed
        /// Not named by the notes at all.
        case notListed
    }

    static func standing(_ r: CUCMRelease) -> Standing {
        let notesOnly = "the notes list it outside the quoted text"
        switch (r.major, r.minor, r.maintenance) {
        case (11, 5?, _):
            return .affectedInferred("\(notesOnly) (\"11.5(x)\"); no fix is named for 11.5")
        case (12, 0?, 2?):
            return .affectedInferred("\(notesOnly) (\"12.0(1)/(2)\")")
        case (12, 0?, 1?), (12, 0?, nil):
            switch r.su {
            case (1...5)?: return .affected
            case 0?: return .affectedInferred("the base 12.0(1) is in the notes' list outside the quoted text")
            case nil: return .affectedInferred("every 12.0(1) level the notes name is affected (SU1 … SU5 quoted, the base release outside the quote); the SU level of this version is not known")
            case _?: return .notListed
            }
        case (12, 5?, 1?), (12, 5?, nil):
            switch r.su {
            case (0...4)?: return .affected
            case _?: return .fixed
            case nil: return .dependsOnSU("12.5(1) up to SU4 is affected and SU5 or later is fixed")
            }
        case (14, 0?, _), (14, nil, _):
            switch r.su {
            case 0?: return .affectedInferred("the fix is \"CUCM 14 SU1 or later\", so 14 without an SU is read as affected; the notes list \"14\" outside the quoted text")
            case _?: return .fixed
            case nil: return .dependsOnSU("14 without an SU is read as affected (inferred from the fix \"CUCM 14 SU1 or later\"), 14SU1 or later is fixed")
            }
        default:
            return .notListed
        }
    }
}
