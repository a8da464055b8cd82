/// The reproduction command for the Nth archive member sharing one name. The inventory shows the second entry
/// named `path` as `path[2]` (the third as `path[3]`…); no member is called that, `unzip` would read `[2]` as a
/// wildcard and cannot pick the Nth of two equal names, and `tar --occurrence` with `--no-anchored` also counts
/// `dir/path`. So the copy is taken out by a `python3` one-liner that opens the zip or tar (by content), normalizes
/// member names the way licscope does (`./a//b` and `a\b` read as `a/b`), and writes the Nth match to stdout.
enum DuplicateMemberHint {
    /// The Python program; its arguments are the archive (`-` for stdin), the member name and N.
    static let program = "import sys,io,tarfile,zipfile;a,n,k=sys.argv[1:];"
        + "f=io.BytesIO(sys.stdin.buffer.read()) if a==\"-\" else open(a,\"rb\");"
        + "z=zipfile.is_zipfile(f);f.seek(0);r=zipfile.ZipFile(f) if z else tarfile.open(fileobj=f);"
        + "p=lambda s:\"/\".join(c for c in s.replace(\"\\\\\",\"/\").split(\"/\") if c not in (\"\",\".\"));"
        + "m=[i for i in (r.infolist() if z else r.getmembers()) if p(i.filename if z else i.name)==n][int(k)-1];"
        + "sys.stdout.buffer.write(r.read(m) if z else r.extractfile(m).read())"

    /// Splits a display name `path[N]` (N ≥ 2) into the stored name and N; nil for any other name.
    /// A member whose real name ends in `[N]` reads the same way (the display name alone cannot tell them apart).
    static func occurrence(_ member: String) -> (name: String, index: Int)? {
        guard member.hasSuffix("]"), let open = member.lastIndex(of: "[") else { return nil }
        let digits = member[member.index(after: open)..<member.index(before: member.endIndex)]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let index = Int(digits), index >= 2, open > member.startIndex else { return nil }
        return (String(member[..<open]), index)
    }

    /// The name as stored in the archive: `path` for `path[N]`, any other name unchanged.
    static func storedName(_ member: String) -> String { occurrence(member)?.name ?? member }

    /// The command writing the `index`th member called `name` of `archive` (already shell-quoted, or `-`) to stdout.
    static func command(name: String, index: Int, archive: String) -> String {
        "python3 -c \(ReproductionHint.shellQuoted(program)) \(archive) \(ReproductionHint.shellQuoted(name)) \(index)"
    }
}
