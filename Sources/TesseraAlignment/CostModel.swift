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
public protocol CostModel: Sendable {
    /// The cost of a bead joining `source` and `target` (consecutive 0-based sentence indices;
    /// one of them may be empty, never both).
    func cost(source: Range<Int>, target: Range<Int>) -> Double

    /// A copy of the model ready to answer for the cells of `band` quickly (e.g. with pair scores
    /// precomputed for the band). The default returns the model unchanged.
    func prepared(for band: AlignmentBand) -> Self
}

extension CostModel {
    /// Returns `self`: a model without precomputation needs no preparation.
    public func prepared(for band: AlignmentBand) -> Self { self }
}
