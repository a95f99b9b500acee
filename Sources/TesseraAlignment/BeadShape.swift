import Foundation

/// How many source and target sentences one bead joins: `1-1`, `2-1`, `0-1`, ...
///
/// ```swift
/// let merge = BeadShape(source: 2, target: 1)
/// merge.description      // "2-1"
/// merge.isInsertionOrDeletion   // false
/// ```
package struct BeadShape: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Number of source sentences in the bead.
    package let sourceCount: Int
    /// Number of target sentences in the bead.
    package let targetCount: Int

    /// Creates a shape.
    /// - Parameters:
    ///   - source: Number of source sentences, 0 or more.
    ///   - target: Number of target sentences, 0 or more; not both zero.
    package init(source: Int, target: Int) {
        precondition(source >= 0 && target >= 0 && source + target > 0, "A bead shape joins at least one sentence.")
        self.sourceCount = source
        self.targetCount = target
    }

    /// `"2-1"` style name.
    package var description: String { "\(sourceCount)-\(targetCount)" }

    /// Whether one side is empty (`1-0` deletion or `0-1` insertion).
    package var isInsertionOrDeletion: Bool { sourceCount == 0 || targetCount == 0 }
}

/// The bead shapes the aligner may use, each with its prior probability. The table is data: the
/// ``Aligner`` tries exactly these shapes and adds `-log(prior)` to each bead's cost.
///
/// ```swift
/// let table = BeadShapeTable.standard
/// table.entries.first?.shape.description   // "1-1"
/// ```
package struct BeadShapeTable: Sendable, Hashable {
    /// One allowed shape and its prior probability.
    package struct Entry: Sendable, Hashable {
        /// The shape.
        package let shape: BeadShape
        /// Prior probability of the shape, in (0, 1].
        package let prior: Double
        /// `-log(prior)`, the cost the aligner adds for using this shape.
        package var cost: Double { -log(prior) }

        /// Creates an entry.
        package init(_ shape: BeadShape, prior: Double) {
            precondition(prior > 0 && prior <= 1, "A shape prior is a probability in (0, 1].")
            self.shape = shape
            self.prior = prior
        }
    }

    /// The shapes with their priors.
    package let entries: [Entry]

    /// Creates a table; the priors need not sum to 1 (they are used as costs).
    package init(_ entries: [Entry]) {
        precondition(!entries.isEmpty, "A bead shape table needs at least one shape.")
        precondition(entries.contains { $0.shape == BeadShape(source: 1, target: 0) }
            && entries.contains { $0.shape == BeadShape(source: 0, target: 1) },
            "A bead shape table needs 1-0 and 0-1 so that every input can be aligned.")
        self.entries = entries
    }

    /// Largest source and target count of any shape.
    package var maxSourceCount: Int { entries.map(\.shape.sourceCount).max() ?? 0 }
    /// Largest target count of any shape.
    package var maxTargetCount: Int { entries.map(\.shape.targetCount).max() ?? 0 }

    /// The priors of Gale & Church (1993, "A Program for Aligning Sentences in Bilingual Corpora",
    /// Computational Linguistics 19(1), table 5): 1-1 0.89, 1-0 and 0-1 together 0.0099,
    /// 2-1 and 1-2 together 0.089, 2-2 0.011, split evenly between the two directions.
    package static let galeChurch = BeadShapeTable([
        Entry(BeadShape(source: 1, target: 1), prior: 0.89),
        Entry(BeadShape(source: 1, target: 0), prior: 0.0099 / 2),
        Entry(BeadShape(source: 0, target: 1), prior: 0.0099 / 2),
        Entry(BeadShape(source: 2, target: 1), prior: 0.089 / 2),
        Entry(BeadShape(source: 1, target: 2), prior: 0.089 / 2),
        Entry(BeadShape(source: 2, target: 2), prior: 0.011),
    ])

    /// The default table: Gale & Church's six shapes plus 1-3, 3-1, 2-3, 3-2, 1-4 and 4-1, which
    /// literary and magazine translation needs (a long sentence split into three or four).
    ///
    /// Gale & Church's corpus (UBS reports) had no such beads, so their priors are our own: each is
    /// about a tenth of the 2-1 prior per extra sentence, the order of magnitude of their share in
    /// hand-aligned literary text (Text+Berg dev gold: 1-3 and 3-1 about 4 % of beads, 2-3, 3-2 and
    /// 1-4 about 1 % each). 1-0 and 0-1 keep Gale & Church's value; 1-1 gives up the 0.012 the
    /// new shapes take (0.89 - 0.012 = 0.878) so that the priors sum to 1.
    package static let standard = BeadShapeTable(galeChurch.entries.map { entry in
        entry.shape == BeadShape(source: 1, target: 1) ? Entry(entry.shape, prior: entry.prior - 0.012) : entry
    } + [
        Entry(BeadShape(source: 1, target: 3), prior: 0.0045),
        Entry(BeadShape(source: 3, target: 1), prior: 0.0045),
        Entry(BeadShape(source: 2, target: 3), prior: 0.001),
        Entry(BeadShape(source: 3, target: 2), prior: 0.001),
        Entry(BeadShape(source: 1, target: 4), prior: 0.0005),
        Entry(BeadShape(source: 4, target: 1), prior: 0.0005),
    ])
}
