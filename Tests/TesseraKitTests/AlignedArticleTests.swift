import Testing
import TesseraCore
import TesseraKit

struct AlignedArticleTests {
    /// The TSV output escapes its fields with the one TSV rule (`TSVField`): a tab or a backslash
    /// inside a sentence no longer shifts the columns nor is lost.
    @Test func tsv_escapesTabsAndBackslashesInSentences() throws {
        let article = AlignArticles.align(
            source: .init(text: "Open\tC:\\temp now.", language: LanguageTag("en"), name: "en.txt"),
            targets: [.init(text: "Öffne\tC:\\temp jetzt.", language: LanguageTag("de"), name: "de.txt")],
            inputIsSentences: true)[0]
        let line = try #require(article.formatted(as: .tsv).split(separator: "\n").first)
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.count == 3)
        #expect(fields.prefix(2) == ["Open\\tC:\\\\temp now.", "Öffne\\tC:\\\\temp jetzt."])
    }
}
