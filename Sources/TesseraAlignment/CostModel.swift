/// Scores a candidate bead. The ``Aligner`` runs the search; a cost model only says how bad it
/// would be to pair `source` sentences with `target` sentences (convention 6: the cost model is
/// apart from the search).
///
/// Costs are in nats (negative log probabilities, up to scale): lower is better, and the aligner
/// adds the shape prior's cost (`-log(prior)`) itself.
///
/// ```swift
/// struct LengthOnly: CostModel {
///     let source: [Int], target: [Int]
///     func cost(source s: Range<Int>, target t: Range<Int>) -> Double {
///         abs(Double(t.reduce(0) { $0 + target[$1] }) - Double(s.reduce(0) { $0 + source[$1] })) / 10
///     }
/// }
/// ```
package protocol CostModel: Sendable {
    /// The cost of a bead joining `source` and `target` (consecutive 0-based sentence indices;
    /// one of them may be empty, never both).
    func cost(source: Range<Int>, target: Range<Int>) -> Double

    /// Writes the costs of the beads of `sourceCount` source and `targetCount` target units that
    /// end in row `row` (after source unit `row - 1`) and in each column of `columns` into
    /// `costs[0..<columns.count]`: `costs[c]` is `cost(source: (row - sourceCount)..<row,
    /// target: (j - targetCount)..<j)` for `j = columns.lowerBound + c`. The ``Aligner`` asks a
    /// row and a shape at a time so that a model can hoist what the row shares. The default asks
    /// ``cost(source:target:)`` for each cell.
    ///
    /// - Complexity: O(columns.count) calls of ``cost(source:target:)`` by default.
    func costs(row: Int, sourceCount: Int, targetCount: Int, columns: Range<Int>, into costs: UnsafeMutablePointer<Double>)

    /// A copy of the model ready to answer for the cells of `band` quickly (e.g. with pair scores
    /// precomputed for the band). The default returns the model unchanged.
    func prepared(for band: AlignmentBand) -> Self
}

extension CostModel {
    /// Asks ``cost(source:target:)`` for each column.
    package func costs(row: Int, sourceCount: Int, targetCount: Int, columns: Range<Int>,
                      into costs: UnsafeMutablePointer<Double>) {
        let source = (row - sourceCount)..<row
        for (c, j) in columns.enumerated() {
            costs[c] = cost(source: source, target: (j - targetCount)..<j)
        }
    }

    /// Returns `self`: a model without precomputation needs no preparation.
    package func prepared(for band: AlignmentBand) -> Self { self }
}
