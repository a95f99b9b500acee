/// Strict and lax precision, recall and F1 of a test alignment against a gold alignment, the
/// evaluation of Sennrich and Volk (2010) as used by Vecalign and Bertalign on Text+Berg.
///
/// - Precision is over the test beads (1-0 and 0-1 included). A bead is a strict hit if it occurs
///   in the gold; a lax hit if, failing that, some gold bead shares a source and a target
///   sentence with it (a 1-0 or 0-1 bead can only be a strict hit).
/// - Recall is over the gold beads with both sides non-empty, matched the same way against the
///   test beads with both sides non-empty.
/// - Beads empty on both sides are ignored and duplicates count once.
///
/// ```swift
/// let score = AlignmentEvaluation(gold: gold, test: beads.map(AlignmentLink.init))
/// score.strict.f1   // 0.0 ... 1.0
/// ```
///
/// - Complexity: O(g + t) set operations for g gold and t test beads.
package struct AlignmentEvaluation: Sendable, Hashable {
    /// Precision, recall and F1.
    package struct Scores: Sendable, Hashable {
        /// Share of test beads that are hits.
        package var precision: Double
        /// Share of gold beads that are found.
        package var recall: Double
        /// Harmonic mean of the two.
        package var f1: Double {
            precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
    }

    /// Exact-match scores.
    package var strict: Scores
    /// Overlap scores.
    package var lax: Scores

    /// Scores `test` against `gold`.
    package init(gold: [AlignmentLink], test: [AlignmentLink]) {
        let precision = Self.hits(reference: gold, hypothesis: test)
        let recall = Self.hits(reference: test.filter { !$0.isOneSided }, hypothesis: gold.filter { !$0.isOneSided })
        func ratio(_ hits: Int, _ total: Int) -> Double { total > 0 ? Double(hits) / Double(total) : 0 }
        strict = Scores(precision: ratio(precision.strict, precision.total), recall: ratio(recall.strict, recall.total))
        lax = Scores(precision: ratio(precision.lax, precision.total), recall: ratio(recall.lax, recall.total))
    }

    /// Counts the hypothesis beads that are strict and lax hits against the reference.
    static func hits(reference: [AlignmentLink], hypothesis: [AlignmentLink]) -> (strict: Int, lax: Int, total: Int) {
        let referenceSet = Set(reference.filter { !($0.source.isEmpty && $0.target.isEmpty) })
        let hypothesisSet = Set(hypothesis.filter { !($0.source.isEmpty && $0.target.isEmpty) })
        var linked: [Int: Set<Int>] = [:]
        for link in referenceSet {
            for s in link.source { linked[s, default: []].formUnion(link.target) }
        }
        var strict = 0
        var lax = 0
        for link in hypothesisSet {
            if referenceSet.contains(link) {
                strict += 1
                lax += 1
                continue
            }
            let targets = link.source.reduce(into: Set<Int>()) { $0.formUnion(linked[$1] ?? []) }
            if !targets.isDisjoint(with: link.target) { lax += 1 }
        }
        return (strict, lax, hypothesisSet.count)
    }
}
