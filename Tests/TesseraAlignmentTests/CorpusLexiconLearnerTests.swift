import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraAlignment

struct CorpusLexiconLearnerTests {
    /// Sentence pairs built from a small word table, each source word always translated the same way.
    static let words: [(String, String)] = [
        ("dog", "Hund"), ("cat", "Katze"), ("house", "Haus"), ("garden", "Garten"), ("river", "Fluss"),
        ("bread", "Brot"), ("window", "Fenster"), ("mountain", "Berg"),
    ]

    static func pairs(count: Int) -> [(source: String, target: String)] {
        var generator = SeededGenerator(seed: 7)
        return (0..<count).map { _ in
            let chosen = words.shuffled(using: &generator).prefix(3)
            return (chosen.map(\.0).joined(separator: " the "), chosen.map(\.1).joined(separator: " und "))
        }
    }

    @Test func learn_findsTheTranslationOfEveryWord() {
        let lexicon = CorpusLexiconLearner().learn(pairs: Self.pairs(count: 60), sourceLanguage: LanguageTag("en"),
                                                   targetLanguage: LanguageTag("de"))
        for (source, target) in Self.words {
            let sourceKey = BilingualLexicon.stemKey(source, language: LanguageTag("en"))
            let targetKey = BilingualLexicon.stemKey(target.lowercased(), language: LanguageTag("de"))
            let partners = lexicon.stemEntries[sourceKey] ?? [:]
            #expect(partners.max { $0.value < $1.value }?.key == targetKey, "\(source): \(partners)")
        }
        // "the" and "und" occur in every pair: associated with each other only, never with a content word.
        #expect(lexicon.stemEntries["dog"]?["und"] == nil)
    }

    @Test(arguments: [0, 1])
    func learn_keepsNothingFromTooFewPairs(_ count: Int) {
        let lexicon = CorpusLexiconLearner().learn(pairs: Self.pairs(count: count), sourceLanguage: LanguageTag("en"),
                                                   targetLanguage: LanguageTag("de"))
        #expect(lexicon.isEmpty)
    }
}
