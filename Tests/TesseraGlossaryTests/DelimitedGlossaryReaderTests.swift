import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

struct DelimitedGlossaryReaderTests {
    static let pair = (LanguageTag("en")!, LanguageTag("de")!)

    @Test func read_omegatCSVUnquotesPerRFC4180() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/omegat-quoting.csv"), languages: Self.pair)
        #expect(entries.count == 7)
        let sources = entries.map { $0.terms[0].text }
        #expect(sources.contains("kde, qu"))
        #expect(sources.contains("\"kde\",\"q\""))
        #expect(sources.contains("\"\"k"))
        #expect(sources.contains("two\nlines"))
        #expect(entries[2].terms[1].text == "Fähigkeitsziel")
        #expect(entries[2].notes[""] == "noun")
        #expect(entries.allSatisfy { $0.terms[1].language == LanguageTag("de") })
    }

    @Test func read_omegatTabSkipsCommentsAndKeepsComment() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/omegat.tab"), languages: Self.pair)
        #expect(entries.count == 4)
        #expect(entries[0].notes[""] == "NATO Defence Planning")
        #expect(entries[2].terms.map(\.text) == ["Istanbul", "İstanbul"])
    }

    @Test func read_okapiTSVSkipsIncompleteRows() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/test01.tsv"), languages: Self.pair)
        #expect(entries.map { $0.terms.map(\.text) } == [["source 1", "target 1"], ["term 2", "trans term 2"], ["source 3", "target 3"]])
    }

    @Test(arguments: ["delimited/wide.csv", "delimited/wide-utf16.csv"])
    func read_wideLayoutWithSynonymsInUTF8AndUTF16(file: String) throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path(file), languages: nil)
        #expect(entries.count == 5)
        let first = entries[0]
        #expect(first.id == "w1")
        #expect(first.subject == "defence")
        #expect(first.terms(in: LanguageTag("en")!).map(\.text) == ["capability target", "capability goal"])
        #expect(first.terms(in: LanguageTag("tr")!).map(\.text) == ["yetenek hedefi"])
        #expect(first.definitions["en"] == "A quantified goal for a military capability.")
        #expect(first.notes[""] == "NDPP")
        #expect(entries[1].definitions["en"] == "Money spent on defence, in one year.")
    }

    @Test func read_longLayoutGroupsConcepts() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/long.csv"), languages: nil)
        #expect(entries.map(\.id) == ["c1", "c2", "c3"])
        #expect(entries[0].terms.map(\.status) == [.preferred, .preferred, .forbidden])
        #expect(entries[0].terms[2].note == "old term, do not use")
        #expect(entries[0].definitions["de"] == "Quantifiziertes Ziel für eine militärische Fähigkeit.")
    }

    @Test(arguments: [
        ("delimited/unterminated.csv", 3),
    ])
    func read_rejectsUnterminatedQuoteWithLine(file: String, line: Int) throws {
        let error = try #require(throws: GlossaryError.self) {
            try GlossaryFileReader.read(path: FixtureFiles.path(file), languages: nil)
        }
        #expect(error.kind == .malformedDelimited)
        #expect(error.line == line)
        #expect(error.description.hasPrefix("unterminated.csv:3:"))
    }

    @Test(arguments: [
        ("a,b\n", nil as String?),  // headerless without languages
        ("language,subject\nen,x\n", "term"),  // long layout without a term column
    ])
    func read_rejectsUnusableHeader(text: String, _ mention: String?) throws {
        let error = try #require(throws: GlossaryError.self) {
            try DelimitedGlossaryReader.read(text: text, file: "x.csv", languages: nil)
        }
        #expect(error.kind == .malformedDelimited)
        if let mention { #expect(error.message.contains(mention)) }
    }

    @Test(arguments: [
        ("a,\"b\"\"c\"\r\nd,e", [["a", "b\"c"], ["d", "e"]]),
        ("\"x,y\",z\n", [["x,y", "z"]]),
        ("\"\",\n", [["", ""]]),
    ])
    func records_splitsRFC4180(text: String, expected: [[String]]) throws {
        #expect(try DelimitedRecordParser.records(in: text, delimiter: ",", quoting: true).map(\.fields) == expected)
    }

    @Test func records_rejectsTextAfterClosingQuote() {
        #expect(throws: GlossaryError.self) {
            try DelimitedRecordParser.records(in: "\"a\"b,c\n", delimiter: ",", quoting: true)
        }
    }
}
