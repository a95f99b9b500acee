package import TesseraCore
import TesseraText

/// Word pairs that translate each other, with a strength in (0, 1]: the lexical evidence the
/// ``LexicalCostModel`` uses beyond numbers and cognates. It is learnt from the document pair
/// itself (``LexiconLearner``) and can be extended from outside (glossary term pairs,
/// translation-memory pairs).
///
/// Words are stored folded: lower case, diacritics removed (`TextNormalizer` rules).
///
/// ```swift
/// var lexicon = BilingualLexicon()
/// lexicon.add(source: "Gipfel", target: "sommet", strength: 1)
/// lexicon.strength(source: "gipfel", target: "sommet")   // 1.0
/// ```
package struct BilingualLexicon: Sendable, Hashable {
    /// source word -> target word -> strength.
    package private(set) var entries: [String: [String: Double]]
    /// source stem -> target stem -> strength: pairs of stemmed keys (glossary term pairs,
    /// translation-memory associations) that match every inflection of a word. They are turned
    /// into word pairs for one document pair by ``resolved(sourceWords:targetWords:sourceLanguage:targetLanguage:)``.
    package private(set) var stemEntries: [String: [String: Double]]

    /// An empty lexicon.
    package init() {
        entries = [:]
        stemEntries = [:]
    }

    /// Number of word pairs and stem pairs.
    package var count: Int {
        entries.values.reduce(0) { $0 + $1.count } + stemEntries.values.reduce(0) { $0 + $1.count }
    }

    /// Whether the lexicon has no pairs.
    package var isEmpty: Bool { entries.isEmpty && stemEntries.isEmpty }

    /// The strength of a pair of folded words (0 if absent).
    package func strength(source: String, target: String) -> Double { entries[source]?[target] ?? 0 }

    /// Adds a pair of single words (folded here); keeps the larger strength if present.
    /// - Parameters:
    ///   - source: A source word.
    ///   - target: A target word.
    ///   - strength: In (0, 1]; clamped.
    package mutating func add(source: String, target: String, strength: Double) {
        let sourceKey = Self.fold(source)
        let targetKey = Self.fold(target)
        guard !sourceKey.isEmpty, !targetKey.isEmpty, strength > 0 else { return }
        let value = min(1, strength)
        entries[sourceKey, default: [:]][targetKey] = max(value, entries[sourceKey]?[targetKey] ?? 0)
    }

    /// Adds a term pair such as a glossary entry. Single words pair directly; in multi-word terms
    /// each source word of 3 or more letters pairs with each such target word, with the strength
    /// divided by the larger word count (the hook for glossary and translation-memory pairs).
    package mutating func addTerm(source: String, target: String, strength: Double = 1,
                                 sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) {
        let sourceWords = Tokenizer.words(in: source, language: sourceLanguage, foldDiacritics: true)
        let targetWords = Tokenizer.words(in: target, language: targetLanguage, foldDiacritics: true)
        if sourceWords.count == 1 && targetWords.count == 1 {
            add(source: sourceWords[0], target: targetWords[0], strength: strength)
            return
        }
        let share = strength / Double(max(sourceWords.count, targetWords.count, 1))
        for s in sourceWords where s.count >= 3 {
            for t in targetWords where t.count >= 3 { add(source: s, target: t, strength: share) }
        }
    }

    /// Adds a pair of stemmed keys as ``stemKey(_:language:)`` or `TermNormalizer` makes them;
    /// keeps the larger strength if present.
    /// - Parameters:
    ///   - source: A source stem.
    ///   - target: A target stem.
    ///   - strength: In (0, 1]; clamped.
    package mutating func addStems(source: String, target: String, strength: Double) {
        guard !source.isEmpty, !target.isEmpty, strength > 0 else { return }
        stemEntries[source, default: [:]][target] = max(min(1, strength), stemEntries[source]?[target] ?? 0)
    }

    /// Adds a term pair given as stemmed key strings (words joined by one space, as
    /// `GlossaryStore.termPairs(source:target:)` returns them). One key on each side pair directly;
    /// otherwise each key of 3 or more letters pairs with each such key of the other side, with
    /// the strength divided by the larger key count.
    ///
    /// ```swift
    /// lexicon.addStemmedTerm(source: "capabiliti target", target: "fahigkeitsziel")
    /// ```
    package mutating func addStemmedTerm(source: String, target: String, strength: Double = 1) {
        let sourceKeys = source.split(separator: " ").map(String.init)
        let targetKeys = target.split(separator: " ").map(String.init)
        guard !sourceKeys.isEmpty, !targetKeys.isEmpty else { return }
        if sourceKeys.count == 1 && targetKeys.count == 1 {
            addStems(source: sourceKeys[0], target: targetKeys[0], strength: strength)
            return
        }
        let share = strength / Double(max(sourceKeys.count, targetKeys.count))
        for s in sourceKeys where s.count >= 3 {
            for t in targetKeys where t.count >= 3 { addStems(source: s, target: t, strength: share) }
        }
    }

    /// The union of two lexicons, keeping the larger strength of a pair found in both.
    package func merging(_ other: BilingualLexicon) -> BilingualLexicon {
        var result = self
        for (source, targets) in other.entries {
            for (target, strength) in targets {
                result.entries[source, default: [:]][target] = max(strength, result.entries[source]?[target] ?? 0)
            }
        }
        for (source, targets) in other.stemEntries {
            for (target, strength) in targets {
                result.stemEntries[source, default: [:]][target] = max(strength, result.stemEntries[source]?[target] ?? 0)
            }
        }
        return result
    }

    /// The word pairs this lexicon gives two vocabularies: the word pairs as they are, plus every
    /// pair of words whose stems (``stemKey(_:language:)``) form a stem pair. The result has no
    /// stem pairs left.
    ///
    /// - Parameters:
    ///   - sourceWords: The folded source words (a ``BilingualFeatures`` vocabulary).
    ///   - targetWords: The folded target words.
    ///   - sourceLanguage: Chooses the source stemmer.
    ///   - targetLanguage: Chooses the target stemmer.
    /// - Complexity: O(V) stemming for V vocabulary words plus the pairs found.
    package func resolved(sourceWords: [String], targetWords: [String], sourceLanguage: LanguageTag?,
                         targetLanguage: LanguageTag?) -> BilingualLexicon {
        var result = BilingualLexicon()
        result.entries = entries
        guard !stemEntries.isEmpty else { return result }
        let sourceStemmer = StemmerCatalog.stemmer(for: sourceLanguage)
        let targetStemmer = StemmerCatalog.stemmer(for: targetLanguage)
        var targetsByStem: [String: [String]] = [:]
        for word in targetWords { targetsByStem[Self.stemKey(word, stemmer: targetStemmer), default: []].append(word) }
        for word in sourceWords {
            guard let partners = stemEntries[Self.stemKey(word, stemmer: sourceStemmer)] else { continue }
            for (stem, strength) in partners {
                for target in targetsByStem[stem] ?? [] {
                    result.entries[word, default: [:]][target] = max(strength, result.entries[word]?[target] ?? 0)
                }
            }
        }
        return result
    }

    /// The stem key of a folded word: the language's stemmer applied (the word itself for
    /// languages without one), as `TermNormalizer` keys terms.
    package static func stemKey(_ word: String, language: LanguageTag?) -> String {
        stemKey(word, stemmer: StemmerCatalog.stemmer(for: language))
    }

    static func stemKey(_ word: String, stemmer: (any Stemmer)?) -> String {
        guard let stemmer, word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return word }
        return stemmer.stem(word)
    }

    static func fold(_ word: String) -> String {
        TextNormalizer.fold(word, language: nil, options: [.collapseWhitespace, .removeDiacritics])
    }
}
