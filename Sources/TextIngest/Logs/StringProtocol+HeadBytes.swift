extension StringProtocol where Self.SubSequence == Substring {
    /// The first `n` UTF-8 bytes (rounded down to a scalar boundary), without walking characters.
    func headBytes(_ n: Int) -> Substring {
        self[..<(utf8.index(startIndex, offsetBy: n, limitedBy: endIndex) ?? endIndex)]
    }
}
