/// Groups of (anchor, offset) probes flattened for the scan: `start[key]` is 1 + the index of the key's first probe
/// in `items` (0: none), and each group ends with an `anchor == -1` sentinel.
struct ProbeTable: Sendable {
    let start: [Int32]
    let items: [(anchor: Int32, offset: Int32)]

    init(groups: [[(Int32, Int32)]]) {
        var start = [Int32](repeating: 0, count: groups.count)
        var items: [(anchor: Int32, offset: Int32)] = []
        for k in groups.indices where !groups[k].isEmpty {
            start[k] = Int32(items.count + 1)
            items.append(contentsOf: groups[k].map { (anchor: $0.0, offset: $0.1) })
            items.append((anchor: -1, offset: 0))
        }
        self.start = start
        self.items = items
    }
}
