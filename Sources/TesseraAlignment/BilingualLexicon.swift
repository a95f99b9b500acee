public import TesseraCore
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
public struct BilingualLexicon: Sendable, Hashable {
    /// source word -> target word -> strength.
    public private(set) var entries: [String: [String: Double]]

    /// An empty lexicon.
    public init() { entries = [:] }

    /// Number of word pairs.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Whether the lexicon has no pairs.
    public var isEmpty: Bool { entries.isEmpty }

    /// The strength of a pair of folded words (0 if absent).
    public func strength(source: String, target: String) -> Double { entries[source]?[target] ?? 0 }

    /// Adds a pair of single words (folded here); keeps the larger strength if present.
    /// - Parameters:
    ///   - source: A source word.
    ///   - target: A target word.
    ///   - strength: In (0, 1]; clamped.
    public mutating func add(source: String, target: String, strength: Double) {
        let sourceKey = Self.fold(source)
        let targetKey = Self.fold(target)
        guard !sourceKey.isEmpty, !targetKey.isEmpty, strength > 0 else { return }
        let value = min(1, strength)
        entries[sourceKey, default: [:]][targetKey] = max(value, entries[sourceKey]?[targetKey] ?? 0)
    }

    /// Adds a term pair such as a glossary entry. Single words pair directly; in multi-word terms
    /// each source word of 3 or more letters pairs with each such target word, with the strength
    /// divided by the larger word count (the hook for glossary and translation-memory pairs).
    public mutating func addTerm(source: String, target: String, strength: Double = 1,
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

    /// The union of two lexicons, keeping the larger strength of a pair found in both.
    public func merging(_ other: BilingualLexicon) -> BilingualLexicon {
        var result = self
        for (source, targets) in other.entries {
            for (target, strength) in targets {
                result.entries[source, default: [:]][target] = max(strength, result.entries[source]?[target] ?? 0)
            }
        }
        return result
    }

    static func fold(_ word: String) -> String {
        TextNormalizer.fold(word, language: nil, options: [.collapseWhitespace, .removeDiacritics])
    }
}
