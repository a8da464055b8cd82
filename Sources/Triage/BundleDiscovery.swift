import Foundation

/// Turns the command line's inputs into bundles: a file given is one bundle; a folder given holds bundles, one per
/// entry at its top level (a file or a folder). Hidden entries and names of unfinished transfers are left out.
public enum BundleDiscovery {
    /// Name endings of files still being written by common transfer tools.
    public static let partialSuffixes = [".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart", ".uploading"]

    /// Whether `name` is a dotfile or a partial transfer, never taken as a bundle.
    public static func isIgnored(name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~") || partialSuffixes.contains { name.lowercased().hasSuffix($0) }
    }

    /// The bundles in `inputs`, in a stable order (inputs in order; a folder's entries by name).
    public static func bundles(in inputs: [String]) throws -> [String] {
        var out: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw FingerprintError(path: input, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                out += try entries(of: input)
            } else {
                out.append(input)
            }
        }
        return out
    }

    /// The bundles directly inside `folder`, sorted by name.
    public static func entries(of folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return names.filter { !isIgnored(name: $0) }.sorted().map { base + "/" + $0 }
    }
}
