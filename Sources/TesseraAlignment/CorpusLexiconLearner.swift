package import TesseraCore
import TesseraText

/// Learns stem pairs from sentence pairs that are already aligned (the units of a translation
/// memory), so that the aligner gets better as the memory grows.
///
/// Each pair contributes its distinct stem keys (folded, diacritics removed, stemmed as
/// `TermNormalizer` does; numbers and one- or two-letter words left out). The association of a
/// source stem `s` and a target stem `t` is the Dice coefficient over pairs,
/// `2 · c(s, t) / (c(s) + c(t))`. A pair is kept when it co-occurs in at least `minimumCount`
/// pairs and its Dice reaches `minimumDice`; each source stem keeps its `maximumPartners` best
/// partners. Pairs with more than `maximumWords` stems on a side are skipped (long pairs add
/// mostly noise and cost quadratic time).
///
/// ```swift
/// let learner = CorpusLexiconLearner()
/// let lexicon = learner.learn(pairs: [("The summit starts.", "Der Gipfel beginnt."), ...],
///                             sourceLanguage: LanguageTag("en"), targetLanguage: LanguageTag("de"))
/// lexicon.stemEntries["summit"]?["gipfel"]   // e.g. 0.8
/// ```
///
/// - Complexity: O(Σ |S| · |T|) over the pairs' stem sets, bounded by `maximumWords²` per pair.
package struct CorpusLexiconLearner: Sendable {
    /// Pairs with more stems than this on either side are ignored.
    package var maximumWords: Int
    /// A stem pair must share at least 2 pairs, reach Dice 0.5; 2 partners kept per source stem.
    var partners = DicePartners.Rule(minimumCount: 2, minimumDice: 0.5, maximumPartners: 2)

    /// Creates a learner.
    package init(maximumWords: Int = 50) {
        self.maximumWords = maximumWords
    }

    /// Learns stem pairs from aligned text pairs.
    /// - Parameters:
    ///   - pairs: Source and target text of each aligned pair.
    ///   - sourceLanguage: Language of the source texts (folding and stemming).
    ///   - targetLanguage: Language of the target texts.
    /// - Returns: A lexicon holding stem pairs only.
    package func learn(pairs: some Sequence<(source: String, target: String)>, sourceLanguage: LanguageTag?,
                      targetLanguage: LanguageTag?) -> BilingualLexicon {
        let sourceStemmer = StemmerCatalog.stemmer(for: sourceLanguage)
        let targetStemmer = StemmerCatalog.stemmer(for: targetLanguage)
        var sourceVocabulary = BilingualFeatures.Vocabulary()
        var targetVocabulary = BilingualFeatures.Vocabulary()
        var sourceCounts: [Int32: Int] = [:]
        var targetCounts: [Int32: Int] = [:]
        var pairCounts: [Int64: Int] = [:]
        var sourceCache: [String: Int32] = [:]
        var targetCache: [String: Int32] = [:]
        var folded: [String: String] = [:]
        for pair in pairs {
            let sourceKeys = Self.keys(pair.source, language: sourceLanguage, stemmer: sourceStemmer,
                                       vocabulary: &sourceVocabulary, cache: &sourceCache, folded: &folded)
            let targetKeys = Self.keys(pair.target, language: targetLanguage, stemmer: targetStemmer,
                                       vocabulary: &targetVocabulary, cache: &targetCache, folded: &folded)
            guard !sourceKeys.isEmpty, !targetKeys.isEmpty,
                  sourceKeys.count <= maximumWords, targetKeys.count <= maximumWords else { continue }
            for s in sourceKeys { sourceCounts[s, default: 0] += 1 }
            for t in targetKeys { targetCounts[t, default: 0] += 1 }
            for s in sourceKeys {
                for t in targetKeys { pairCounts[Int64(s) << 32 | Int64(t), default: 0] += 1 }
            }
        }
        var selection = DicePartners(partners)
        for (key, count) in pairCounts {
            let s = Int32(key >> 32)
            let t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            selection.consider(source: s, target: t, count: count, sourceCount: sourceCounts[s] ?? 0, targetCount: targetCounts[t] ?? 0)
        }
        var lexicon = BilingualLexicon()
        selection.forEachBest { s, t, dice in
            lexicon.addStems(source: sourceVocabulary.words[Int(s)], target: targetVocabulary.words[Int(t)], strength: dice)
        }
        return lexicon
    }

    /// The distinct stem ids of a text: words of 3 or more letters, folded and stemmed (each
    /// distinct token stemmed once: `cache` maps a token to its stem id, -1 for a token left out).
    static func keys(_ text: String, language: LanguageTag?, stemmer: (any Stemmer)?,
                     vocabulary: inout BilingualFeatures.Vocabulary, cache: inout [String: Int32],
                     folded: inout [String: String]) -> [Int32] {
        var ids = Set<Int32>()
        for token in Tokenizer.tokens(in: text, language: language, foldDiacritics: false) where token.kind == .word {
            if let known = cache[token.text] {
                if known >= 0 { ids.insert(known) }
                continue
            }
            var word = BilingualFeatures.withoutDiacritics(token.text, cache: &folded)
            if word.hasSuffix("'") || word.hasSuffix("\u{2019}") { word.removeLast() }
            let id: Int32
            if word.count >= 3, !word.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
                id = vocabulary.id(BilingualLexicon.stemKey(word, stemmer: stemmer))
                ids.insert(id)
            } else {
                id = -1
            }
            cache[token.text] = id
        }
        return Array(ids)
    }
}
