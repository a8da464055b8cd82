/// A binary min-heap: the one k-way merge behind every walk over folded occurrences (the timeline's
/// ``TimelineOccurrences``, the engine's replay sequence, the distinct-line count of assumption groups, the reordering
/// buffer of ``OccurrencesInTimeOrder``).
///
/// Each element is usually a cursor (one event's occurrences still to walk, its current one first); the merge takes
/// the least cursor, moves it on (``advanceFirst(by:_:)``) and puts it back in place, or drops it when it is spent.
/// The order is passed to each call rather than stored, so the heap holds no closure and the call is specialised
/// where it is used.
public struct CursorHeap<Element> {
    @usableFromInline var items: [Element] = []

    /// An empty heap.
    @inlinable public init() {}

    /// An empty heap with room for `capacity` elements.
    @inlinable public init(capacity: Int) { items.reserveCapacity(capacity) }

    /// The least element; nil when empty.
    @inlinable public var first: Element? { items.first }

    /// `body` of the least element, read in place (``first`` copies it); nil when empty.
    @inlinable public func peek<Result>(_ body: (Element) -> Result) -> Result? {
        items.isEmpty ? nil : body(items[0])
    }

    /// Whether nothing is left.
    @inlinable public var isEmpty: Bool { items.isEmpty }

    /// How many elements are held.
    @inlinable public var count: Int { items.count }

    /// Adds `element`, `before` being the order (a strict weak order; ties leave either first).
    @inlinable public mutating func push(_ element: Element, by before: (Element, Element) -> Bool) {
        items.append(element)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(items[i], items[parent]) else { return }
            items.swapAt(i, parent)
            i = parent
        }
    }

    /// Moves the least element on with `advance` (changed in place); when `advance` returns false the element is
    /// spent and leaves the heap. Then restores the order. Nothing happens on an empty heap.
    @inlinable public mutating func advanceFirst(by before: (Element, Element) -> Bool, _ advance: (inout Element) -> Bool) {
        guard !items.isEmpty else { return }
        if !advance(&items[0]) {
            let last = items.removeLast()
            guard !items.isEmpty else { return }
            items[0] = last
        }
        var i = 0
        while true {
            let (l, r) = (2 * i + 1, 2 * i + 2)
            var m = i
            if l < items.count, before(items[l], items[m]) { m = l }
            if r < items.count, before(items[r], items[m]) { m = r }
            guard m != i else { return }
            items.swapAt(i, m)
            i = m
        }
    }

    /// Removes and returns the least element; nil when empty.
    @inlinable public mutating func popFirst(by before: (Element, Element) -> Bool) -> Element? {
        guard let least = items.first else { return nil }
        advanceFirst(by: before) { _ in false }
        return least
    }
}

extension CursorHeap: Sendable where Element: Sendable {}
