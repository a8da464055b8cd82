import BundleIngest

/// A bundle entry and what the registry recognised it as. ``EvidenceReaderRegistry/open(paths:workDirectory:limits:displayNames:name:)``
/// makes one as the bundle layer hands each entry on, so every entry read carries exactly one recognition: there
/// are no parallel lists to keep in step.
public struct RecognisedEntry: Sendable {
    /// The entry as the bundle layer unpacked it.
    public var entry: BundleEntry
    /// What it is, and the reader that takes it.
    public var recognition: Recognition
}

extension EvidenceReaderRegistry {
    /// Opens `paths` as one bundle (``BundleReader/open(paths:workDirectory:limits:displayNames:headLength:onEntry:)``)
    /// and recognises each entry from the first ``prefixLength`` bytes its archive sniff read (one read per file).
    /// `name` maps an entry's display path to the name recognition weighs (the display path itself by default).
    /// - Returns: the bundle (its inventory; its entries are those of `entries`), and every entry with its recognition,
    ///   in the bundle's order.
    public func open(
        paths: [String], workDirectory: String, limits: BundleLimits = .default, displayNames: [String: String] = [:],
        name: (String) -> String = { $0 }
    ) -> (bundle: OpenedBundle, entries: [RecognisedEntry]) {
        var entries: [RecognisedEntry] = []
        let bundle = withoutActuallyEscaping(name) { name in
            BundleReader.open(
                paths: paths, workDirectory: workDirectory, limits: limits, displayNames: displayNames,
                headLength: Self.prefixLength
            ) { entry, head in
                entries.append(RecognisedEntry(entry: entry, recognition: recognise(prefix: head, name: name(entry.displayPath))))
            }
        }
        return (bundle, entries)
    }
}
