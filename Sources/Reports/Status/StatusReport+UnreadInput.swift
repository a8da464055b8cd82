extension StatusReport {
    /// An input `status` did not read, and why: in the JSON document as `unread`, so a document written for inputs
    /// that could not be read says what failed instead of listing no snapshots and nothing else.
    public struct UnreadInput: Sendable, Codable, Hashable {
        /// The path as messages show it (`bundle.zip!show-license.txt`, `<stdin>`).
        public var path: String
        /// Why it was not read, in the words said on stderr (`not a regular file (FIFO); not opened`).
        public var reason: String
        /// True when this is damage — a file that should have been read and was not (exit code 3) — false when it
        /// was passed over on purpose (a FIFO, device or socket found in a folder).
        public var damage: Bool

        /// Creates an entry.
        public init(path: String, reason: String, damage: Bool) {
            self.path = path
            self.reason = reason
            self.damage = damage
        }
    }
}
