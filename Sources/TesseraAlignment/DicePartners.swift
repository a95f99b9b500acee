/// The rule both lexicon learners (``LexiconLearner``, ``CorpusLexiconLearner``) use to turn
/// co-occurrence counts into word partners: a pair seen together at least `minimumCount` times
/// whose Dice coefficient `2·count / (sourceCount + targetCount)` reaches `minimumDice` is a
/// candidate, and each source keeps its `maximumPartners` best candidates (highest Dice first,
/// ties to the lower target id, so the result does not depend on the order pairs were seen).
///
/// ```swift
/// var partners = DicePartners(.init(minimumCount: 2, minimumDice: 0.3, maximumPartners: 3))
/// partners.consider(source: 0, target: 4, count: 3, sourceCount: 3, targetCount: 4)   // Dice 0.86
/// partners.forEachBest { source, target, dice in lexicon.add(...) }
/// ```
struct DicePartners {
    /// The thresholds of a learner.
    struct Rule: Sendable, Hashable {
        /// Minimum number of co-occurrences.
        var minimumCount: Int
        /// Minimum Dice coefficient.
        var minimumDice: Double
        /// Partners kept per source word.
        var maximumPartners: Int
    }

    /// The thresholds.
    let rule: Rule
    /// The candidates per source word.
    private var candidates: [Int32: [(target: Int32, dice: Double)]] = [:]

    /// Creates an empty selection.
    init(_ rule: Rule) { self.rule = rule }

    /// Records the pair when it passes both thresholds.
    mutating func consider(source: Int32, target: Int32, count: Int, sourceCount: Int, targetCount: Int) {
        guard count >= rule.minimumCount else { return }
        let dice = 2 * Double(count) / Double(sourceCount + targetCount)
        if dice >= rule.minimumDice { candidates[source, default: []].append((target, dice)) }
    }

    /// Calls `body` with every source word's best partners and their Dice coefficients.
    func forEachBest(_ body: (_ source: Int32, _ target: Int32, _ dice: Double) -> Void) {
        for (source, partners) in candidates {
            let best = partners.sorted { $0.dice != $1.dice ? $0.dice > $1.dice : $0.target < $1.target }.prefix(rule.maximumPartners)
            for partner in best { body(source, partner.target, partner.dice) }
        }
    }
}
