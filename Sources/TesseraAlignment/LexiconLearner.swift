/// Learns word pairs from a first alignment of the document pair itself: words that keep
/// appearing in the same confident beads translate each other.
///
/// Association is the Dice coefficient over beads, `2 · c(s, t) / (c(s) + c(t))`, counted on the
/// beads whose confidence reaches `minimumConfidence` (each word once per bead). A pair is kept
/// when it co-occurs at least `minimumCount` times and its Dice reaches `minimumDice`; each source
/// word keeps its `maximumPartners` best partners. Dice is the association of Smadja, McKeown and
/// Hatzivassiloglou (1996) and of hunalign's dictionary bootstrapping in spirit; an IBM-1 model
/// would weigh better but needs more text than one article.
///
/// ```swift
/// let first = Aligner().align(sourceCount: n, targetCount: m, costModel: model).beads
/// let lexicon = LexiconLearner().learn(beads: first, features: features)
/// ```
///
/// - Complexity: O(Σ |S| · |T|) over the confident beads' word sets.
public struct LexiconLearner: Sendable {
    /// Beads below this confidence are ignored.
    public var minimumConfidence: Double
    /// Minimum number of beads a pair must share.
    public var minimumCount: Int
    /// Minimum Dice coefficient.
    public var minimumDice: Double
    /// Partners kept per source word.
    public var maximumPartners: Int

    /// Creates a learner.
    public init(minimumConfidence: Double = 0.8, minimumCount: Int = 2, minimumDice: Double = 0.3, maximumPartners: Int = 3) {
        self.minimumConfidence = minimumConfidence
        self.minimumCount = minimumCount
        self.minimumDice = minimumDice
        self.maximumPartners = maximumPartners
    }

    /// Learns a lexicon from `beads` over the sentences of `features`.
    public func learn(beads: [Bead], features: BilingualFeatures) -> BilingualLexicon {
        var sourceCounts: [Int32: Int] = [:]
        var targetCounts: [Int32: Int] = [:]
        var pairCounts: [Int64: Int] = [:]
        for bead in beads where !bead.source.isEmpty && !bead.target.isEmpty && bead.confidence >= minimumConfidence {
            guard bead.source.upperBound <= features.source.count, bead.target.upperBound <= features.target.count else { continue }
            let sourceWords = Set(bead.source.flatMap { features.source[$0].sortedWords })
            let targetWords = Set(bead.target.flatMap { features.target[$0].sortedWords })
            for s in sourceWords { sourceCounts[s, default: 0] += 1 }
            for t in targetWords { targetCounts[t, default: 0] += 1 }
            for s in sourceWords {
                for t in targetWords { pairCounts[Int64(s) << 32 | Int64(t), default: 0] += 1 }
            }
        }
        var candidates: [Int32: [(target: Int32, dice: Double)]] = [:]
        for (key, count) in pairCounts where count >= minimumCount {
            let s = Int32(key >> 32)
            let t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let dice = 2 * Double(count) / Double((sourceCounts[s] ?? 0) + (targetCounts[t] ?? 0))
            if dice >= minimumDice { candidates[s, default: []].append((t, dice)) }
        }
        var lexicon = BilingualLexicon()
        for (s, partners) in candidates {
            let best = partners.sorted { $0.dice != $1.dice ? $0.dice > $1.dice : $0.target < $1.target }.prefix(maximumPartners)
            for partner in best {
                lexicon.add(source: features.sourceWords[Int(s)], target: features.targetWords[Int(partner.target)],
                            strength: partner.dice)
            }
        }
        return lexicon
    }
}
