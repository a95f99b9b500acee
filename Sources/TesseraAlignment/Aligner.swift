import Foundation

/// Finds the cheapest monotone sequence of beads that covers both sides: a banded dynamic
/// programme over the shapes of a ``BeadShapeTable``, scored by a ``CostModel``.
///
/// The aligner knows nothing about text: it only runs the search and walks back (convention 6).
/// The band starts `initialHalfWidth` cells either side of the diagonal; when the best path comes
/// within one cell of the band's edge the band is doubled and the search run again, so a
/// translation that drifts far from the diagonal (a missing chapter, a translation that stops half
/// way) still gets its best path.
///
/// ```swift
/// let model = LengthCostModel(sourceLengths: [10, 42, 7], targetLengths: [11, 20, 25, 8])
/// let result = Aligner().align(sourceCount: 3, targetCount: 4, costModel: model)
/// result.beads.map(\.shape.description)   // ["1-1", "1-2", "1-1"]
/// ```
///
/// - Complexity: O(n · w · k) time and O(n · w) memory for n source units, final band
///   half-width w and k shapes (each doubling of the band adds at most the same again).
package struct Aligner: Sendable {
    /// The shapes allowed, with their priors.
    package var shapes: BeadShapeTable
    /// Half-width of the first band tried. 32 covers the drift of ordinary translations; the
    /// band doubles on demand.
    package var initialHalfWidth: Int
    /// Half-width of the first band around the line through anchors: they are sure points, so
    /// the band only needs to cover the wobble between them. 32, not 16: a block the translation
    /// adds or leaves out between two anchors (captions, a page of credits) pulls the path more
    /// than 16 cells off the line, and the widening that follows searched the whole document
    /// twice (16, then 32); one search at 32 finds the same path.
    package var anchoredHalfWidth: Int = 32
    /// Half-width of the first band around a guide path. 16 lets a second pass move beads
    /// well away from the first pass (8 needed a redo on most books); the band doubles on demand.
    package var guideHalfWidth: Int = 16
    /// Temperature of the posterior used for confidences: costs are divided by it before
    /// exponentiation. 1 treats costs as negative log probabilities.
    package var temperature: Double
    /// The band stops widening once it would hold more cells than this (memory guard, about
    /// 40 million cells = 0.8 GB); the best path inside the band is returned then.
    package var maximumCells: Int

    /// The result of one alignment.
    package struct Result: Sendable, Hashable {
        /// The beads in order; they cover every source and target index exactly once.
        package var beads: [Bead]
        /// The half-width of the band the final search used.
        package var halfWidth: Int
        /// The total cost of the path.
        package var totalCost: Double
    }

    /// Creates an aligner.
    /// - Parameters:
    ///   - shapes: Allowed bead shapes and priors; default ``BeadShapeTable/standard``.
    ///   - initialHalfWidth: First band half-width, at least 1.
    ///   - temperature: Posterior temperature for confidences, > 0.
    ///   - maximumCells: Memory guard for band widening.
    ///   - verificationCells: Grids up to this size are searched whole to verify a diagonal band.
    package init(shapes: BeadShapeTable = .standard, initialHalfWidth: Int = 32, temperature: Double = 1,
                maximumCells: Int = 40_000_000, verificationCells: Int = 4_000_000) {
        precondition(initialHalfWidth >= 1, "The band half-width is at least 1.")
        precondition(temperature > 0, "The temperature is positive.")
        self.shapes = shapes
        self.initialHalfWidth = initialHalfWidth
        self.temperature = temperature
        self.maximumCells = maximumCells
        self.verificationCells = verificationCells
    }

    /// Aligns `sourceCount` source units with `targetCount` target units.
    ///
    /// - Parameters:
    ///   - sourceCount: Number of source units (sentences or paragraphs), 0 or more.
    ///   - targetCount: Number of target units, 0 or more.
    ///   - costModel: Scores candidate beads.
    ///   - guide: An earlier alignment of the same units (e.g. a first pass): the band then
    ///     follows its path, `guideHalfWidth` either side, instead of the diagonal.
    ///   - anchors: Without a guide, sure sentence pairs (``AnchorFinder``): the band follows the
    ///     line through them, `anchoredHalfWidth` either side.
    /// - Returns: The beads of the cheapest path, each with its posterior confidence.
    /// - Complexity: See the type's documentation.
    package func align<Model: CostModel>(sourceCount: Int, targetCount: Int, costModel: Model, guide: [Bead]? = nil,
                                        anchors: [(source: Int, target: Int)] = []) -> Result {
        precondition(sourceCount >= 0 && targetCount >= 0, "Unit counts are never negative.")
        if sourceCount == 0 && targetCount == 0 { return Result(beads: [], halfWidth: 0, totalCost: 0) }
        var band = AlignmentBand(sourceCount: sourceCount, targetCount: targetCount, halfWidth: initialHalfWidth)
        if let guide, let guided = AlignmentBand(guide: guide, sourceCount: sourceCount, targetCount: targetCount,
                                                 halfWidth: guideHalfWidth) {
            band = guided
        } else if !anchors.isEmpty {
            band = AlignmentBand(anchors: anchors, sourceCount: sourceCount, targetCount: targetCount, halfWidth: anchoredHalfWidth)
        }
        // A diagonal band can miss a better path lying wholly outside it (a translation that
        // stops half way pulls the true path off the diagonal without the best in-band path
        // touching the edge), so without a guide or anchors each result is checked against a band
        // twice as wide (or against the whole grid when that has at most `verificationCells`
        // cells) and kept only when the wider band finds nothing cheaper.
        let verifies = guide == nil && anchors.isEmpty
        var accepted: Result?
        while true {
            let prepared = costModel.prepared(for: band)
            let next = band.widened()
            let nextCells = (sourceCount + 1) * (2 * next.halfWidth + 1)
            let canWiden = !band.coversEverything && nextCells <= maximumCells
            // A path touching the edge of a band that can still widen is thrown away, so its
            // confidences (the backward pass) are not computed.
            let outcome = search(band: band, costModel: prepared, confidencesIfTouching: !canWiden)
            if let previous = accepted {
                guard let outcome, outcome.result.totalCost < previous.totalCost - 1e-9 * max(1, abs(previous.totalCost)) else {
                    return previous
                }
                accepted = nil
            }
            if let outcome, !outcome.touchesEdge || !canWiden {
                if !verifies || !canWiden { return outcome.result }
                accepted = outcome.result
            } else if !canWiden {
                // No path inside the largest band allowed: fall back to deletions then insertions.
                return Result(beads: fallbackBeads(sourceCount: sourceCount, targetCount: targetCount),
                              halfWidth: band.halfWidth, totalCost: .infinity)
            }
            if accepted != nil, (sourceCount + 1) * (targetCount + 1) <= verificationCells {
                band = AlignmentBand(sourceCount: sourceCount, targetCount: targetCount,
                                     halfWidth: max(sourceCount, targetCount))
            } else {
                band = next
            }
        }
    }

    /// Grids up to this many cells are searched whole to verify a diagonal band's result.
    package var verificationCells: Int

    /// Largest number of bead costs kept between the forward and backward pass (120 MB as
    /// `Float`); a larger band has the backward pass compute them again.
    static let maximumCachedCosts = 30_000_000

    private struct Outcome {
        var result: Result
        var touchesEdge: Bool
    }

    private func fallbackBeads(sourceCount: Int, targetCount: Int) -> [Bead] {
        (0..<sourceCount).map { Bead(source: $0..<($0 + 1), target: 0..<0, cost: .infinity, confidence: 0) }
            + (0..<targetCount).map {
                Bead(source: sourceCount..<sourceCount, target: $0..<($0 + 1), cost: .infinity, confidence: 0)
            }
    }

    /// One banded search: Viterbi and forward sums in one pass, backward sums in a second pass,
    /// walk back from (n, m).
    ///
    /// Bead costs are asked of the model a row and a shape at a time
    /// (``CostModel/costs(row:sourceCount:targetCount:columns:into:)``), for the columns whose
    /// start cell lies in the band, and kept only for the rows a bead can span: the backward pass
    /// asks for them again instead of holding every cell's costs (12 per cell) in memory.
    private func search<Model: CostModel>(band: AlignmentBand, costModel: Model, confidencesIfTouching: Bool) -> Outcome? {
        let n = band.sourceCount
        let m = band.targetCount
        let entries = shapes.entries
        let shapeCount = entries.count
        let grid = SearchGrid(band: band, shapes: shapes)
        let low = grid.low
        let high = grid.high
        let start = grid.start
        let shapeSource = grid.shapeSource
        let shapeTarget = grid.shapeTarget
        let shapeCost = grid.shapeCost
        let widest = grid.widest
        let inverseTemperature = 1 / temperature
        let cellCount = start[n + 1]

        let best = UnsafeMutablePointer<Double>.allocate(capacity: cellCount)
        best.initialize(repeating: .infinity, count: cellCount)
        defer { best.deallocate() }
        let forward = UnsafeMutablePointer<Double>.allocate(capacity: cellCount)
        forward.initialize(repeating: -.infinity, count: cellCount)
        defer { forward.deallocate() }
        let back = UnsafeMutablePointer<Int8>.allocate(capacity: cellCount)
        back.initialize(repeating: -1, count: cellCount)
        defer { back.deallocate() }
        // The terms of one cell's log-sum-exp (one per shape), summed once with a single log.
        let termBuffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, shapeCount))
        defer { termBuffer.deallocate() }
        // Bead costs rounded to Float, by cell and shape, for the backward pass when memory allows
        // (else it asks the model again, row by row).
        let caches = cellCount * shapeCount <= Self.maximumCachedCosts
        let cached = UnsafeMutablePointer<Float>.allocate(capacity: caches ? cellCount * shapeCount : 0)
        defer { cached.deallocate() }

        @inline(__always) func cellIndex(_ i: Int, _ j: Int) -> Int? {
            guard j >= low[i] && j <= high[i] else { return nil }
            return start[i] + j - low[i]
        }

        best[0] = 0
        forward[0] = 0
        for i in 0...n {
            grid.fillCosts(row: i, model: costModel)
            let costRow = grid.costs(row: i)
            let first = grid.firstColumns(row: i)
            let last = grid.lastColumns(row: i)
            for j in low[i]...high[i] where i > 0 || j > 0 {
                let cell = start[i] + j - low[i]
                var bestCost = Double.infinity
                var bestShape = -1
                var terms = 0
                var maxTerm = -Double.infinity
                for s in 0..<shapeCount where j >= first[s] && j <= last[s] {
                    let pi = i - shapeSource[s]
                    let previous = start[pi] + j - shapeTarget[s] - low[pi]
                    let before = best[previous]
                    guard before < .infinity else { continue }
                    let cost = shapeCost[s] + costRow[s * widest + j - low[i]]
                    if caches { cached[cell * shapeCount + s] = Float(cost) }
                    guard cost.isFinite else { continue }
                    if before + cost < bestCost {
                        bestCost = before + cost
                        bestShape = s
                    }
                    let term = forward[previous] - cost * inverseTemperature
                    termBuffer[terms] = term
                    terms += 1
                    maxTerm = max(maxTerm, term)
                }
                best[cell] = bestCost
                back[cell] = Int8(bestShape)
                forward[cell] = logSumExp(termBuffer, count: terms, maximum: maxTerm)
            }
        }
        guard let last = cellIndex(n, m), best[last] < .infinity else { return nil }

        // Walk back first: whether the path touches the band's edge decides whether the
        // confidences are needed.
        var path: [(bead: Bead, cell: Int, previous: Int)] = []
        var touches = false
        var i = n
        var j = m
        while i > 0 || j > 0 {
            guard let cell = cellIndex(i, j) else { return nil }
            let s = Int(back[cell])
            guard s >= 0 else { return nil }
            let pi = i - shapeSource[s]
            let pj = j - shapeTarget[s]
            guard let previous = cellIndex(pi, pj) else { return nil }
            let cost = best[cell] - best[previous]
            path.append((Bead(source: pi..<i, target: pj..<j, cost: cost, confidence: 0), cell, previous))
            if (pi > 0 || pj > 0) && band.touchesEdge(row: pi, column: pj) { touches = true }
            i = pi
            j = pj
        }
        var beads = path.map(\.bead)
        if !touches || confidencesIfTouching {
            let backward = UnsafeMutablePointer<Double>.allocate(capacity: cellCount)
            backward.initialize(repeating: -.infinity, count: cellCount)
            defer { backward.deallocate() }
            backward[last] = 0
            for i in stride(from: n, through: 0, by: -1) {
                // The beads starting in row i end in rows i...i + 4, whose costs are in their slots.
                if !caches { grid.fillCosts(row: i, model: costModel) }
                for j in stride(from: high[i], through: low[i], by: -1) where i < n || j < m {
                    let cell = start[i] + j - low[i]
                    guard best[cell] < .infinity else { continue }
                    var terms = 0
                    var maxTerm = -Double.infinity
                    for s in 0..<shapeCount {
                        let ni = i + shapeSource[s]
                        let nj = j + shapeTarget[s]
                        guard ni <= n, nj <= m, nj >= low[ni] && nj <= high[ni] else { continue }
                        let next = start[ni] + nj - low[ni]
                        guard backward[next] > -.infinity else { continue }
                        // The start cell (i, j) is reached, so the forward pass computed the cost
                        // of this bead. It is read rounded to Float, the precision of the evidence.
                        let cost = caches ? Double(cached[next * shapeCount + s])
                            : Double(Float(shapeCost[s] + grid.costs(row: ni)[s * widest + nj - low[ni]]))
                        guard cost.isFinite else { continue }
                        let term = backward[next] - cost * inverseTemperature
                        termBuffer[terms] = term
                        terms += 1
                        maxTerm = max(maxTerm, term)
                    }
                    backward[cell] = logSumExp(termBuffer, count: terms, maximum: maxTerm)
                }
            }

            let total = forward[last]
            for (index, step) in path.enumerated() {
                let logPosterior = forward[step.previous] - step.bead.cost * inverseTemperature + backward[step.cell] - total
                beads[index].confidence = logPosterior.isFinite ? min(1, max(0, exp(logPosterior))) : 0
            }
        }
        beads.reverse()
        return Outcome(result: Result(beads: beads, halfWidth: band.halfWidth, totalCost: best[last]), touchesEdge: touches)
    }
}

/// `log(Σ exp(terms[k]))` for `count` terms whose largest is `maximum`, without overflow: one
/// `exp` per term and one `log` (a pairwise log-add would need an `exp` and a `log1p` per term).
@inline(__always) func logSumExp(_ terms: UnsafeMutablePointer<Double>, count: Int, maximum: Double) -> Double {
    if count == 0 || maximum == -.infinity { return -.infinity }
    if count == 1 { return maximum }
    var sum = 0.0
    for k in 0..<count {
        let difference = terms[k] - maximum
        if difference > -40 { sum += exp(difference) }  // exp(-40) is below Double's precision relative to 1
    }
    return maximum + log(sum)
}
