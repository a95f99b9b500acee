import Testing
@testable import TesseraAlignment

struct BilingualLexiconTests {
    @Test func add_foldsCaseAndDiacriticsAndKeepsTheStrongerPair() {
        var lexicon = BilingualLexicon()
        lexicon.add(source: "Gipfel", target: "Sommet", strength: 0.4)
        lexicon.add(source: "gipfel", target: "sommet", strength: 0.9)
        lexicon.add(source: "Gletscher", target: "glacier", strength: 3)
        #expect(lexicon.strength(source: "gipfel", target: "sommet") == 0.9)
        #expect(lexicon.strength(source: "gletscher", target: "glacier") == 1)
        #expect(lexicon.count == 2)
    }

    @Test func addTerm_splitsMultiWordTermsAndSharesTheStrength() {
        var lexicon = BilingualLexicon()
        lexicon.addTerm(source: "Basislager", target: "camp de base")
        // One source word, three target words: the strength 1 is shared three ways.
        #expect(abs(lexicon.strength(source: "basislager", target: "camp") - 1.0 / 3.0) < 1e-12)
        #expect(abs(lexicon.strength(source: "basislager", target: "base") - 1.0 / 3.0) < 1e-12)
        #expect(lexicon.strength(source: "basislager", target: "de") == 0)  // words under 3 letters are left out
    }

    @Test func merging_keepsTheStrongerOfTwoPairs() {
        var a = BilingualLexicon()
        a.add(source: "berg", target: "montagne", strength: 0.3)
        var b = BilingualLexicon()
        b.add(source: "berg", target: "montagne", strength: 0.8)
        b.add(source: "tal", target: "vallee", strength: 0.5)
        let merged = a.merging(b)
        #expect(merged.strength(source: "berg", target: "montagne") == 0.8)
        #expect(merged.count == 2)
    }

    @Test func learner_findsWordsThatRecurTogether() {
        let source = (0..<12).map { $0 % 2 == 0 ? "Der Gipfel \($0) ist kalt." : "Das Tal \($0) ist warm." }
        let target = (0..<12).map { $0 % 2 == 0 ? "Le sommet \($0) est froid." : "La vallée \($0) est chaude." }
        let features = BilingualFeatures(source: source, target: target, sourceLanguage: nil, targetLanguage: nil)
        let beads = (0..<12).map { Bead(source: $0..<($0 + 1), target: $0..<($0 + 1), cost: 0, confidence: 1) }
        let lexicon = LexiconLearner().learn(beads: beads, features: features)
        #expect(lexicon.strength(source: "gipfel", target: "sommet") > 0)
        #expect(lexicon.strength(source: "tal", target: "vallee") > 0)
        #expect(lexicon.strength(source: "gipfel", target: "vallee") == 0)
    }
}
