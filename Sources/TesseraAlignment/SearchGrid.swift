/// The cells of one banded search and the bead costs of the rows a bead can span, for
/// ``Aligner``: per row its first and last column and the index of its first cell, and a ring
/// of `maxSourceCount + 1` rows of bead costs by shape.
///
/// Costs of row `i` live in slot `i % slots`, shape `s` at `s * widest + (j - low[i])`, valid for
/// the columns `firstColumns(row: i)[s] ... lastColumns(row: i)[s]`: the end columns of the beads
/// of shape `s` whose start cell lies in the band. Everything is in raw buffers: the search reads
/// them a dozen times per cell.
///
/// - Complexity: O(n) memory for the row bounds and O(k · w) for the cost ring (k shapes, w the
///   widest row).
final class SearchGrid {
    /// First column of each row (n + 1 rows).
    let low: UnsafeMutablePointer<Int>
    /// Last column of each row.
    let high: UnsafeMutablePointer<Int>
    /// Index of each row's first cell; `start[n + 1]` is the number of cells.
    let start: UnsafeMutablePointer<Int>
    /// Source units of each shape.
    let shapeSource: UnsafeMutablePointer<Int>
    /// Target units of each shape.
    let shapeTarget: UnsafeMutablePointer<Int>
    /// `-log(prior)` of each shape.
    let shapeCost: UnsafeMutablePointer<Double>
    /// Cells of the widest row.
    let widest: Int
    /// Number of shapes.
    let shapeCount: Int
    /// Rows of costs kept (the longest source span plus one).
    let slots: Int
    private let rowCosts: UnsafeMutablePointer<Double>
    private let first: UnsafeMutablePointer<Int>
    private let last: UnsafeMutablePointer<Int>

    /// Lays out the cells of `band` for the shapes of `shapes`.
    init(band: AlignmentBand, shapes: BeadShapeTable) {
        let n = band.sourceCount
        low = .allocate(capacity: n + 1)
        high = .allocate(capacity: n + 1)
        start = .allocate(capacity: n + 2)
        start[0] = 0
        var widest = 1
        for i in 0...n {
            let range = band.targetRange(row: i)
            low[i] = range.lowerBound
            high[i] = range.upperBound
            start[i + 1] = start[i] + range.count
            widest = max(widest, range.count)
        }
        self.widest = widest
        let entries = shapes.entries
        shapeCount = entries.count
        shapeSource = .allocate(capacity: shapeCount)
        shapeTarget = .allocate(capacity: shapeCount)
        shapeCost = .allocate(capacity: shapeCount)
        for (s, entry) in entries.enumerated() {
            shapeSource[s] = entry.shape.sourceCount
            shapeTarget[s] = entry.shape.targetCount
            shapeCost[s] = entry.cost
        }
        slots = shapes.maxSourceCount + 1
        rowCosts = .allocate(capacity: slots * shapeCount * widest)
        first = .allocate(capacity: slots * shapeCount)
        last = .allocate(capacity: slots * shapeCount)
    }

    deinit {
        low.deallocate()
        high.deallocate()
        start.deallocate()
        shapeSource.deallocate()
        shapeTarget.deallocate()
        shapeCost.deallocate()
        rowCosts.deallocate()
        first.deallocate()
        last.deallocate()
    }

    /// The costs of the beads ending in row `i` (its slot), by shape.
    @inline(__always) func costs(row i: Int) -> UnsafeMutablePointer<Double> {
        rowCosts + (i % slots) * shapeCount * widest
    }

    /// For each shape, the first column of row `i` whose cost is in its slot.
    @inline(__always) func firstColumns(row i: Int) -> UnsafeMutablePointer<Int> { first + (i % slots) * shapeCount }

    /// For each shape, the last column of row `i` whose cost is in its slot (below the first: none).
    @inline(__always) func lastColumns(row i: Int) -> UnsafeMutablePointer<Int> { last + (i % slots) * shapeCount }

    /// Asks `model` for the costs of the beads ending in row `i` whose start cell lies in the band
    /// and puts them in the row's slot (replacing row `i - slots` or `i + slots`).
    func fillCosts<Model: CostModel>(row i: Int, model: Model) {
        let slot = i % slots
        let costRow = rowCosts + slot * shapeCount * widest
        for s in 0..<shapeCount {
            let pi = i - shapeSource[s]
            let l = shapeTarget[s]
            var from = low[i]
            var to = high[i]
            if pi < 0 {
                to = from - 1
            } else {
                from = max(from, low[pi] + l)
                to = min(to, high[pi] + l)
            }
            first[slot * shapeCount + s] = from
            last[slot * shapeCount + s] = to
            guard from <= to else { continue }
            model.costs(row: i, sourceCount: shapeSource[s], targetCount: l, columns: from..<(to + 1),
                        into: costRow + s * widest + (from - low[i]))
        }
    }
}
