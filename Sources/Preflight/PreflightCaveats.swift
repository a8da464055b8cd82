import Rules

/// Warnings that depend on the configuration or the CUCM release rather than on what the wire showed.
enum PreflightCaveats {
    /// The release named in CSCvc94366's public context ([I] domain-notes §6: "Context: CUCM 12.0 proxy transport").
    static let proxy443Context = "12.0"

    static func caveats(_ options: PreflightOptions, result: PreflightResult, rules: RuleSet?) -> [PreflightResult.Caveat] {
        var out: [PreflightResult.Caveat] = []
        if let proxy = options.proxy, proxy.port == 443 {
            out.append(.init(rule: "CSCvc94366", text: proxy443(options.cucmVersion, rules: rules, passed: result.failedStage == nil)))
        }
        if let version = options.cucmVersion, LicensingHosts.isCSSM(options.target.host),
            let text = fn72318(version, host: options.target.host)
        {
            out.append(.init(rule: "tls-untrusted-ca", text: text))
        }
        return out
    }

    /// The FN72318 warning for `version`, nil when the release is fixed or not named. Quoted lists are said to be
    /// quoted; anything read beyond them is marked inferred.
    static func fn72318(_ version: String, host: String) -> String? {
        let fn = "FN72318 (QuoVadis Root CA 2 → IdenTrust Commercial Root CA 1)"
        guard let release = CUCMRelease(version) else {
            return "\(fn): --cucm-version '\(version)' is not a CUCM release licscope can read (12.5(1)SU4, 14SU1, "
                + "12.5.1.14900-63), so whether the field notice applies was not judged."
        }
        let consequence = "; without the fix (\"\(FN72318Releases.fixQuote)\", or the COP \(FN72318Releases.cop)) CUCM"
            + " cannot validate \(host)'s IdenTrust chain and every renewal fails. This pre-flight checks the chain against"
            + " licscope's own roots, not CUCM's trust store, so passing here does not show CUCM has the fix"
        switch FN72318Releases.standing(release) {
        case .affected:
            return "\(fn): CUCM \(release.name) is in the field notice's affected list (\"\(FN72318Releases.affectedQuote)\")"
                + consequence + "."
        case .affectedInferred(let why):
            return "\(fn): CUCM \(release.name) is read as affected [inferred: \(why)]" + consequence + "."
        case .dependsOnSU(let cut):
            return "\(fn): CUCM \(release.name) may be affected: \(cut); licscope cannot tell the SU level of \(version)"
                + "" + consequence + "."
        case .fixed, .notListed:
            return nil
        }
    }

    /// Whether `version` (`12.0.1.10000-10`, `12.0(1)SU2`) is the release `release` (`12.0`) or one of its builds.
    static func isRelease(_ version: String, _ release: String) -> Bool {
        version == release || version.hasPrefix(release + ".") || version.hasPrefix(release + "(")
    }

    private static func proxy443(_ version: String?, rules: RuleSet?, passed: Bool) -> String {
        let affected = rules?.rule(id: "CSCvc94366")?.card.affectedVersions ?? []
        var text = "the proxy listens on port 443, which CUCM registration does not accept on releases hit by CSCvc94366"
        if passed { text += "; this pre-flight got through, but CUCM itself may not" }
        guard let version else {
            return text + ". Give --cucm-version to judge the release; the workaround is another proxy port (80, 8080, 3128)."
        }
        if !affected.isEmpty {
            let hit = affected.contains { isRelease(version, $0) }
            return text + (hit ? ". CUCM \(version) is listed as affected: use another proxy port."
                : ". CUCM \(version) is not in the rule's affected list (\(affected.joined(separator: ", "))).")
        }
        if isRelease(version, proxy443Context) {
            return text + ". CUCM \(version) is the release the bug headline was filed against (the affected and fixed versions are not public; inferred): use another proxy port (80, 8080, 3128)."
        }
        return text + ". Affected and fixed versions are not public; CUCM \(version) is not the 12.0 release the headline names, so this is possible, not established."
    }
}
