import LicensingModel

/// The command that writes one archive member to standard output, matching exactly that member:
/// - `unzip -p 'a.zip' 'cm/slm.log'`: unzip's name is a pattern anchored at the start of the stored path, so its
///   wildcard characters `*` `?` `[` and `\` are escaped with `\`;
/// - `tar -xOf 'a.tar' 'cm/slm.log'` (`-xOzf` for .tar.gz/.tgz) for a name without `*` `?` `[` or `\`: GNU tar
///   matches member names literally and anchored, bsdtar (libarchive, the `tar` of macOS and the BSDs) as anchored
///   shell patterns, and such a name means the same to both; a name holding one of them would match decoys under
///   bsdtar (`a*b.log` also takes `aXb.log`) and only itself under GNU tar, so it is taken out as below;
/// - both get the name as the archive stores it (``AnalysisReport/InventoryEntry/storedName``: `./cm/slm.log`),
///   not the shown, normalized one;
/// - one of several entries sharing one name (shown `name[N]`, ``MemberCopy``), the first of them, a zip member
///   stored with `\`, and a tar member whose name bsdtar would read as a pattern, are taken out by a `python3`
///   one-liner that opens the zip or tar (by content), normalizes member names the way licscope does
///   (`./a//b` and `a\b` read as `a/b`) and writes the Nth match: neither unzip nor tar can pick the Nth of two
///   equal names (`tar --occurrence` counts names that only end alike when not anchored).
struct MemberExtraction: Sendable {
    /// Stored names by the member's display path, where they differ from the shown name.
    let storedNames: [String: String]
    /// Display paths of members whose name other entries of the same archive share (the first of each name).
    let firstOfCopies: Set<String>

    init(inventory: [AnalysisReport.InventoryEntry]) {
        var stored: [String: String] = [:]
        var first = Set<String>()
        for entry in inventory {
            if let name = entry.storedName { stored[entry.path] = name }
            guard let bang = entry.path.lastIndex(of: "!") else { continue }
            let (name, copy) = MemberCopy.parse(String(entry.path[entry.path.index(after: bang)...]))
            if copy >= 2 { first.insert(String(entry.path[...bang]) + MemberCopy.display(name: name, copy: 1)) }
        }
        storedNames = stored
        firstOfCopies = first
    }

    /// The Python program; its arguments are the archive (`-` for stdin), the member name and N.
    static let program = "import sys,io,tarfile,zipfile;a,n,k=sys.argv[1:];"
        + "f=io.BytesIO(sys.stdin.buffer.read()) if a==\"-\" else open(a,\"rb\");"
        + "z=zipfile.is_zipfile(f);f.seek(0);r=zipfile.ZipFile(f) if z else tarfile.open(fileobj=f);"
        + "p=lambda s:\"/\".join(c for c in s.replace(\"\\\\\",\"/\").split(\"/\") if c not in (\"\",\".\"));"
        + "m=[i for i in (r.infolist() if z else r.getmembers()) if p(i.filename if z else i.name)==n][int(k)-1];"
        + "sys.stdout.buffer.write(r.read(m) if z else r.extractfile(m).read())"

    /// The command writing `member` (a shown segment) of `archive` (the segment before it: a path as given, `<stdin>`,
    /// or a shown member name) to stdout. `shownAs` is the member's whole display path; `archiveOnStdin` when the
    /// archive's bytes arrive on standard input.
    func command(member: String, in archive: String, shownAs: String, archiveOnStdin: Bool) -> String {
        let (name, copy) = MemberCopy.parse(member)
        let source = archiveOnStdin ? "-" : ReproductionHint.shellQuoted(archive)
        let stored = storedNames[shownAs] ?? name
        // A name tar may be given (a tar, or standard input tried as one) must mean the same to GNU tar and bsdtar.
        let tarMayRead = isTar(archive) || archive == ReproductionHint.standardInput
        let readAsPattern = tarMayRead && stored.contains { $0 == "*" || $0 == "?" || $0 == "[" }
        if copy >= 2 || firstOfCopies.contains(shownAs) || stored.contains("\\") || readAsPattern {
            return "python3 -c \(ReproductionHint.shellQuoted(Self.program)) \(source) \(ReproductionHint.shellQuoted(name)) \(copy)"
        }
        let zipName = ReproductionHint.shellQuoted(Self.unzipPattern(stored))
        let tarName = ReproductionHint.shellQuoted(stored)
        // Standard input of unknown kind: saved to a file (unzip needs to seek), then read as a zip or else as a tar.
        if archive == ReproductionHint.standardInput {
            return "(f=$(mktemp) && cat > \"$f\" && { unzip -p \"$f\" \(zipName) 2>/dev/null || tar -xOf \"$f\" \(tarName); }; rm -f \"$f\")"
        }
        let kind = MemberCopy.parse(archive).name.lowercased()
        if kind.hasSuffix(".tar.gz") || kind.hasSuffix(".tgz") { return "tar -xOzf \(source) \(tarName)" }
        if kind.hasSuffix(".tar") { return "tar -xOf \(source) \(tarName)" }
        // zip (also the default for archives recognised by content): unzip needs a seekable file.
        if archiveOnStdin { return "(f=$(mktemp) && cat > \"$f\" && unzip -p \"$f\" \(zipName); rm -f \"$f\")" }
        return "unzip -p \(source) \(zipName)"
    }

    private func isTar(_ archive: String) -> Bool {
        let kind = MemberCopy.parse(archive).name.lowercased()
        return kind.hasSuffix(".tar.gz") || kind.hasSuffix(".tgz") || kind.hasSuffix(".tar")
    }

    /// `name` as an unzip pattern matching only itself: `\`, `*`, `?` and `[` escaped with `\`.
    static func unzipPattern(_ name: String) -> String {
        var out = ""
        for c in name {
            if c == "\\" || c == "*" || c == "?" || c == "[" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
