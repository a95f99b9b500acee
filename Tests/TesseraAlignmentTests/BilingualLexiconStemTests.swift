import Testing
import TesseraCore
@testable import TesseraAlignment

struct BilingualLexiconStemTests {
    @Test func resolved_linksEveryInflectionOfAStemPair() {
        var lexicon = BilingualLexicon()
        // Keys as GlossaryStore.termPairs gives them: folded, then stemmed.
        lexicon.addStemmedTerm(source: BilingualLexicon.stemKey("targets", language: LanguageTag("en")),
                               target: BilingualLexicon.stemKey("ziele", language: LanguageTag("de")))
        let resolved = lexicon.resolved(sourceWords: ["target", "targets", "summit"],
                                        targetWords: ["ziel", "ziele", "gipfel"],
                                        sourceLanguage: LanguageTag("en"), targetLanguage: LanguageTag("de"))
        #expect(resolved.stemEntries.isEmpty)
        for source in ["target", "targets"] {
            for target in ["ziel", "ziele"] { #expect(resolved.strength(source: source, target: target) == 1, "\(source) \(target)") }
        }
        #expect(resolved.strength(source: "summit", target: "gipfel") == 0)
        #expect(resolved.strength(source: "target", target: "gipfel") == 0)
    }

    @Test func addStemmedTerm_sharesStrengthInMultiWordTerms() {
        var lexicon = BilingualLexicon()
        lexicon.addStemmedTerm(source: "capabiliti target", target: "fahigkeitsziel")
        #expect(lexicon.stemEntries["capabiliti"]?["fahigkeitsziel"] == 0.5)
        #expect(lexicon.stemEntries["target"]?["fahigkeitsziel"] == 0.5)
        #expect(lexicon.count == 2)
    }

    @Test func merging_keepsStemPairsOfBoth() {
        var left = BilingualLexicon()
        left.addStems(source: "gipfel", target: "sommet", strength: 0.4)
        var right = BilingualLexicon()
        right.addStems(source: "gipfel", target: "sommet", strength: 0.9)
        right.add(source: "Berg", target: "montagne", strength: 1)
        let merged = left.merging(right)
        #expect(merged.stemEntries["gipfel"]?["sommet"] == 0.9)
        #expect(merged.strength(source: "berg", target: "montagne") == 1)
    }
}
