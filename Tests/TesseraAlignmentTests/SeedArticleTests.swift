import Foundation
import Testing
import TesseraCore
import TesseraText
@testable import TesseraAlignment

/// The four-language seed article (Fixtures/seed): the raw paragraphs, split by the Segmenter,
/// aligned with the English source, must give exactly the gold beads.
struct SeedArticleTests {
    /// The article as the Segmenter splits it: one paragraph per non-blank line.
    static func document(_ language: String) throws -> AlignmentDocument {
        let tag = LanguageTag(language)
        var sentences: [String] = []
        var paragraphs: [Range<Int>] = []
        for line in try Fixture.text("seed/article.\(language).txt").split(whereSeparator: \.isNewline) {
            let start = sentences.count
            let paragraph = String(line)
            if let tag { sentences += Segmenter.segment(paragraph, language: tag).map { String(paragraph[$0]) } }
            if sentences.count > start { paragraphs.append(start..<sentences.count) }
        }
        return AlignmentDocument(sentences: sentences, paragraphs: paragraphs, language: tag)
    }

    static func gold(_ pair: String) throws -> [String] {
        try Fixture.text("seed/article.\(pair).beads").split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test(arguments: ["en", "de", "fr", "tr"])
    func segmenter_givesTheReferenceSentences(_ language: String) throws {
        let reference = try Fixture.document("seed/article.\(language).sentences.txt", language: language)
        let split = try Self.document(language)
        #expect(split.sentences == reference.sentences.map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(split.paragraphs == reference.paragraphs)
    }

    @Test(arguments: ["de", "fr", "tr"])
    func align_rawArticleGivesTheGoldBeads(_ language: String) throws {
        let report = DocumentAligner().align(source: try Self.document("en"), target: try Self.document(language))
        #expect(report.beads.map(\.beadsLine) == (try Self.gold("en-\(language)")))
    }
}
