/// One step of an alignment: consecutive source sentences paired with consecutive target
/// sentences (either side may be empty), with the model's cost and a confidence.
///
/// ```swift
/// let bead = Bead(source: 4..<6, target: 4..<5, cost: 3.2, confidence: 0.97)
/// bead.shape.description   // "2-1"
/// bead.beadsLine           // "[4, 5]:[4]"
/// ```
package struct Bead: Hashable, Sendable, Codable {
    /// 0-based indices of the source sentences (empty for a `0-1` insertion).
    package var source: Range<Int>
    /// 0-based indices of the target sentences (empty for a `1-0` deletion).
    package var target: Range<Int>
    /// The cost the aligner paid for this bead (shape prior plus the cost model's cost), in nats.
    package var cost: Double
    /// Probability in [0, 1] that exactly this bead belongs to the alignment under the model
    /// (its posterior marginal; see Docs/ALIGNMENT.md, "Confidence").
    package var confidence: Double

    /// Creates a bead.
    package init(source: Range<Int>, target: Range<Int>, cost: Double, confidence: Double) {
        self.source = source
        self.target = target
        self.cost = cost
        self.confidence = confidence
    }

    /// The bead's shape (`2-1` etc.).
    package var shape: BeadShape { BeadShape(source: source.count, target: target.count) }

    /// The bead in the Vecalign/Bleualign "beads" format, `[4, 5]:[4]`.
    package var beadsLine: String {
        "[" + source.map(String.init).joined(separator: ", ") + "]:["
            + target.map(String.init).joined(separator: ", ") + "]"
    }

    /// The bead with both ranges moved by the given offsets (used to map sentence beads of one
    /// paragraph pair back to document indices).
    package func offset(source sourceOffset: Int, target targetOffset: Int) -> Bead {
        Bead(source: (source.lowerBound + sourceOffset)..<(source.upperBound + sourceOffset),
             target: (target.lowerBound + targetOffset)..<(target.upperBound + targetOffset),
             cost: cost, confidence: confidence)
    }
}
