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
package struct LexiconLearner: Sendable {
    /// Beads below this confidence are ignored.
    package var minimumConfidence: Double
    /// A pair must share at least 2 beads, reach Dice 0.3; 3 partners kept per source word.
    var partners = DicePartners.Rule(minimumCount: 2, minimumDice: 0.3, maximumPartners: 3)

    /// Creates a learner.
    package init(minimumConfidence: Double = 0.8) {
        self.minimumConfidence = minimumConfidence
    }

    /// Learns a lexicon from `beads` over the sentences of `features`.
    package func learn(beads: [Bead], features: BilingualFeatures) -> BilingualLexicon {
        // Counts in dense arrays indexed by word id: for each source word, the target words of
        // the beads holding it are tallied in one scratch array (no hashing; same counts).
        let sourceWordCount = features.sourceWords.count
        let targetWordCount = features.targetWords.count
        var sourceCounts = [Int](repeating: 0, count: sourceWordCount)
        var targetCounts = [Int](repeating: 0, count: targetWordCount)
        var beadTargets: [[Int32]] = []
        var beadsOfSource = [[Int32]](repeating: [], count: sourceWordCount)
        for bead in beads where !bead.source.isEmpty && !bead.target.isEmpty && bead.confidence >= minimumConfidence {
            guard bead.source.upperBound <= features.source.count, bead.target.upperBound <= features.target.count else { continue }
            // Each word once per bead (sorted, so no hashing; the order does not matter: the
            // candidates are sorted by Dice below).
            let sourceWords = SentenceFeatures.sortedDistinct(bead.source.flatMap { features.source[$0].sortedWords })
                .filter { $0 >= 0 && Int($0) < sourceWordCount }
            let targetWords = SentenceFeatures.sortedDistinct(bead.target.flatMap { features.target[$0].sortedWords })
                .filter { $0 >= 0 && Int($0) < targetWordCount }
            let index = Int32(beadTargets.count)
            beadTargets.append(targetWords)
            for s in sourceWords {
                sourceCounts[Int(s)] += 1
                beadsOfSource[Int(s)].append(index)
            }
            for t in targetWords { targetCounts[Int(t)] += 1 }
        }
        var selection = DicePartners(partners)
        var pairCounts = [Int](repeating: 0, count: targetWordCount)
        var touched: [Int32] = []
        for s in 0..<sourceWordCount where beadsOfSource[s].count >= partners.minimumCount {
            for bead in beadsOfSource[s] {
                for t in beadTargets[Int(bead)] {
                    if pairCounts[Int(t)] == 0 { touched.append(t) }
                    pairCounts[Int(t)] += 1
                }
            }
            for t in touched {
                let count = pairCounts[Int(t)]
                pairCounts[Int(t)] = 0
                selection.consider(source: Int32(s), target: t, count: count, sourceCount: sourceCounts[s], targetCount: targetCounts[Int(t)])
            }
            touched.removeAll(keepingCapacity: true)
        }
        var lexicon = BilingualLexicon()
        selection.forEachBest { s, t, dice in
            lexicon.add(source: features.sourceWords[Int(s)], target: features.targetWords[Int(t)], strength: dice)
        }
        return lexicon
    }
}
