/// The first space-separated words of a line head with their decoration stripped, as byte ranges kept in a
/// caller's fixed buffer (``LogTimestampScanner/maxTokens`` of them at most): reading them allocates nothing.
struct HeadTokens {
    /// The line's bytes.
    let line: UnsafeBufferPointer<UInt8>
    /// Where the ranges are kept.
    let store: UnsafeMutableBufferPointer<Range<Int>>
    /// How many words have been read.
    private(set) var count = 0
    /// Where reading goes on.
    private var position = 0

    init(line: UnsafeBufferPointer<UInt8>, store: UnsafeMutableBufferPointer<Range<Int>>) {
        self.line = line
        self.store = store
    }

    /// The `k`-th word (`k` < ``count``).
    subscript(k: Int) -> Range<Int> { store[k] }

    /// Reads on until `limit` words are held (at most the store's capacity) or the line ends.
    mutating func read(upTo limit: Int) {
        let limit = min(limit, store.count)
        while count < limit, let (token, end) = LogTimestampScanner.nextToken(line, from: position) {
            if let token {
                store[count] = token
                count += 1
            }
            position = end
        }
    }
}
