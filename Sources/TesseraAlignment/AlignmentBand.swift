/// The cells the dynamic programme visits: for each source position `i` (0...n), the target
/// positions within `halfWidth` of the diagonal point `i * m / n`.
///
/// ```swift
/// let band = AlignmentBand(sourceCount: 100, targetCount: 120, halfWidth: 8)
/// band.targetRange(row: 50)   // 52...68
/// ```
public struct AlignmentBand: Hashable, Sendable {
    /// Number of source units `n`.
    public let sourceCount: Int
    /// Number of target units `m`.
    public let targetCount: Int
    /// How far from the diagonal a path may stray, in target units.
    public let halfWidth: Int

    /// Creates a band.
    public init(sourceCount: Int, targetCount: Int, halfWidth: Int) {
        precondition(sourceCount >= 0 && targetCount >= 0 && halfWidth >= 0, "Band sizes are never negative.")
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        self.halfWidth = halfWidth
    }

    /// The diagonal target position for source position `row`.
    @inline(__always) public func center(row: Int) -> Int {
        sourceCount == 0 ? targetCount : (row * targetCount + sourceCount / 2) / sourceCount
    }

    /// The target positions of row `row` inside the band.
    @inline(__always) public func targetRange(row: Int) -> ClosedRange<Int> {
        let center = self.center(row: row)
        let low = Swift.max(0, center - halfWidth)
        let high = Swift.min(targetCount, center + halfWidth)
        return low...high
    }

    /// Whether the band already covers the whole `(n+1) x (m+1)` grid.
    public var coversEverything: Bool { halfWidth >= Swift.max(sourceCount, targetCount) }

    /// Whether `(row, column)` lies within one cell of the band's edge where the edge is not
    /// the grid's border: a best path there may have been cut off by the band.
    public func touchesEdge(row: Int, column: Int) -> Bool {
        let range = targetRange(row: row)
        return (range.lowerBound > 0 && column <= range.lowerBound + 1)
            || (range.upperBound < targetCount && column >= range.upperBound - 1)
    }

    /// The same band, twice as wide.
    public func widened() -> AlignmentBand {
        AlignmentBand(sourceCount: sourceCount, targetCount: targetCount, halfWidth: Swift.max(1, halfWidth * 2))
    }
}
