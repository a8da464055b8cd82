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
        return out
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
