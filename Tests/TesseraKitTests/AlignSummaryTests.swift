import Foundation
import Testing
import TesseraAlignment
import TesseraCore
@testable import TesseraKit

struct AlignSummaryTests {
    /// The no-cognate texts of AlignLexiconTests, aligned with their noun pairs as lexicon: one
    /// English sentence has no German counterpart.
    static func article() -> AlignedArticle {
        var lexicon = BilingualLexicon()
        for pair in AlignLexiconTests.nouns + AlignLexiconTests.places { lexicon.addTerm(source: pair.0, target: pair.1) }
        let (english, german) = AlignLexiconTests.texts()
        return AlignArticles.align(
            source: .init(text: english, language: LanguageTag("en"), name: "en.txt"),
            targets: [.init(text: german, language: LanguageTag("de"), name: "de.txt")], inputIsSentences: true,
            lexicons: [lexicon])[0]
    }

    @Test func summary_listsUnalignedSentencesThatAreNeverStored() throws {
        let article = Self.article()
        #expect(article.report.beads.map(\.beadsLine) == AlignLexiconTests.gold)
        let units = AlignUnits.units(from: [article])
        let summary = AlignSummary(articles: [article], minimumConfidence: 0, units: units.count, store: nil)
        let dropped = AlignLexiconTests.dropped
        #expect(summary.targets[0].unaligned == [.init(side: "source", sentence: dropped, text: article.source.sentences[dropped])])
        #expect(summary.targets[0].shapes == ["1-1": article.source.sentences.count - 1, "1-0": 1])
        #expect(units.count == article.source.sentences.count - 1)
        #expect(!units.contains { $0.variants[0].segment.plainText == article.source.sentences[dropped] })
        #expect(summary.text.contains("1 unaligned sentence") && !summary.text.contains("1 unaligned sentences"))
        let json = try JSONEncoder().encode(summary)
        let decoded = try JSONDecoder().decode(AlignSummary.self, from: json)
        #expect(decoded.targets[0].unaligned.count == 1)
    }
}
