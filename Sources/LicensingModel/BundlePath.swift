import Foundation

/// Paths inside a bundle as source pointers show them (`bundle.zip!cm/trace/slm.log`).
public enum BundlePath {
    /// Folder steps between two files (fewer means more likely the same node's): the folders each has that the
    /// other does not, an archive boundary (`!`) counting as a folder.
    public static func distance(_ a: String, _ b: String) -> Int {
        let pa = folders(a), pb = folders(b)
        let common = zip(pa, pb).prefix { $0 == $1 }.count
        return (pa.count - common) + (pb.count - common)
    }

    private static func folders(_ path: String) -> [Substring] {
        Array(path.split(whereSeparator: { $0 == "/" || $0 == "!" }).dropLast())
    }
}
