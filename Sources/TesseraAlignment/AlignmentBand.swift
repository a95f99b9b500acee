/// The cells the dynamic programme visits: for each source position `i` (0...n), the target
/// positions within `halfWidth` of the diagonal point `i * m / n`, or, for a band guided by an
/// earlier alignment, within `halfWidth` of that alignment's path.
///
/// ```swift
/// let band = AlignmentBand(sourceCount: 100, targetCount: 120, halfWidth: 8)
/// band.targetRange(row: 50)   // 52...68
/// ```
package struct AlignmentBand: Hashable, Sendable {
    /// Number of source units `n`.
    package let sourceCount: Int
    /// Number of target units `m`.
    package let targetCount: Int
    /// How far from the diagonal (or the guide path) a path may stray, in target units.
    package let halfWidth: Int
    /// Lowest and highest target position of the guide path on each row (guided bands only).
    private let guide: [ClosedRange<Int>]?

    /// Creates a band.
    package init(sourceCount: Int, targetCount: Int, halfWidth: Int) {
        precondition(sourceCount >= 0 && targetCount >= 0 && halfWidth >= 0, "Band sizes are never negative.")
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        self.halfWidth = halfWidth
        self.guide = nil
    }

    /// Creates a band around the path of an earlier alignment of the same units (e.g. pass 1).
    /// - Parameters:
    ///   - beads: A complete alignment of `sourceCount` x `targetCount` units.
    ///   - halfWidth: Distance allowed from the path.
    /// - Returns: `nil` if `beads` does not cover both sides exactly.
    package init?(guide beads: [Bead], sourceCount: Int, targetCount: Int, halfWidth: Int) {
        precondition(sourceCount >= 0 && targetCount >= 0 && halfWidth >= 0, "Band sizes are never negative.")
        var rows = [ClosedRange<Int>?](repeating: nil, count: sourceCount + 1)
        var i = 0
        var j = 0
        rows[0] = 0...0
        for bead in beads {
            guard bead.source.lowerBound == i, bead.target.lowerBound == j,
                  bead.source.upperBound <= sourceCount, bead.target.upperBound <= targetCount else { return nil }
            let endI = bead.source.upperBound
            let endJ = bead.target.upperBound
            if endI == i {
                rows[i] = min(rows[i]?.lowerBound ?? j, j)...max(rows[i]?.upperBound ?? endJ, endJ)
            } else {
                for row in (i + 1)...endI {
                    let column = j + (row - i) * (endJ - j) / (endI - i)
                    rows[row] = min(rows[row]?.lowerBound ?? column, column)...max(rows[row]?.upperBound ?? column, column)
                }
            }
            i = endI
            j = endJ
        }
        guard i == sourceCount, j == targetCount else { return nil }
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        self.halfWidth = halfWidth
        self.guide = rows.map { $0 ?? 0...0 }
    }

    /// Creates a band around the piecewise-linear path through anchor points (see
    /// ``AnchorFinder``), from (0, 0) to (n, m).
    /// - Parameter anchors: Sentence pairs `(source, target)` increasing in both indices; pairs
    ///   outside the grid are ignored.
    package init(anchors: [(source: Int, target: Int)], sourceCount: Int, targetCount: Int, halfWidth: Int) {
        precondition(sourceCount >= 0 && targetCount >= 0 && halfWidth >= 0, "Band sizes are never negative.")
        var points = [(source: 0, target: 0)]
        for anchor in anchors where anchor.source > points[points.count - 1].source && anchor.target >= points[points.count - 1].target
            && anchor.source < sourceCount && anchor.target <= targetCount {
            points.append(anchor)
        }
        points.append((sourceCount, targetCount))
        var rows = [ClosedRange<Int>](repeating: 0...0, count: sourceCount + 1)
        for (start, end) in zip(points, points.dropFirst()) {
            if end.source == start.source {
                rows[start.source] = min(rows[start.source].lowerBound, start.target)...max(rows[start.source].upperBound, end.target)
                continue
            }
            for row in (start.source + 1)...end.source {
                let column = start.target + (row - start.source) * (end.target - start.target) / (end.source - start.source)
                rows[row] = column...column
            }
        }
        self.init(sourceCount: sourceCount, targetCount: targetCount, halfWidth: halfWidth, guide: rows)
    }

    private init(sourceCount: Int, targetCount: Int, halfWidth: Int, guide: [ClosedRange<Int>]?) {
        self.sourceCount = sourceCount
        self.targetCount = targetCount
        self.halfWidth = halfWidth
        self.guide = guide
    }

    /// The diagonal target position for source position `row`.
    @inline(__always) public func center(row: Int) -> Int {
        sourceCount == 0 ? targetCount : (row * targetCount + sourceCount / 2) / sourceCount
    }

    /// The target positions of row `row` inside the band.
    @inline(__always) public func targetRange(row: Int) -> ClosedRange<Int> {
        if let guide {
            return Swift.max(0, guide[row].lowerBound - halfWidth)...Swift.min(targetCount, guide[row].upperBound + halfWidth)
        }
        let center = self.center(row: row)
        let low = Swift.max(0, center - halfWidth)
        let high = Swift.min(targetCount, center + halfWidth)
        return low...high
    }

    /// Whether the band already covers the whole `(n+1) x (m+1)` grid.
    package var coversEverything: Bool { halfWidth >= Swift.max(sourceCount, targetCount) }

    /// Whether `(row, column)` lies within one cell of the band's edge where the edge is not
    /// the grid's border: a best path there may have been cut off by the band.
    package func touchesEdge(row: Int, column: Int) -> Bool {
        let range = targetRange(row: row)
        return (range.lowerBound > 0 && column <= range.lowerBound + 1)
            || (range.upperBound < targetCount && column >= range.upperBound - 1)
    }

    /// The same band, twice as wide.
    package func widened() -> AlignmentBand {
        AlignmentBand(sourceCount: sourceCount, targetCount: targetCount, halfWidth: Swift.max(1, halfWidth * 2), guide: guide)
    }
}
