import Testing
import TesseraCore
@testable import TesseraMatching

struct ConcordanceQueryTests {
    @Test(arguments: [
        ("press 🙂", ["🙂"]), ("5 € / 6 €", ["€"]), ("C++ code", ["++"]), ("a → b", ["→"]), ("plain words", []),
        ("\"", nil), ("- , .", nil),
    ] as [(String, [String]?)])
    func init_keepsSymbolsAndEmojiAsSubstrings(input: String, symbols: [String]?) {
        #expect(ConcordanceQuery(input)?.symbols == symbols)
    }

    @Test func init_marksQuotedWordsExact() throws {
        let query = try #require(ConcordanceQuery("“production lines” stop", mode: .allWords))
        #expect(query.groups.map { $0.map(\.text) } == [["production", "lines"], ["stop"]])
        #expect(query.groups.map { $0.map(\.isExact) } == [[true, true], [false]])
        // An unpaired quote is ignored.
        #expect(ConcordanceQuery("say \"hello", mode: .allWords)?.groups.map { $0.map(\.isExact) } == [[false], [false]])
    }

    @Test(arguments: [
        ("line", "en", ["line", "lined", "lines", "link", "linux"], ["line", "lines"]),
        ("policies", "en", ["polic", "police", "policies", "policy"], ["policies", "policy"]),
        ("Straße", "de", ["stra", "strasse", "strassen", "straße", "straßen", "strand"], ["straße", "strasse", "strassen", "straßen"]),
        ("chevaux", "fr", ["cheva", "cheval", "chevaux", "chevalier"], ["chevaux", "cheval"]),
        ("Линия", "ru", ["линии"], ["линия"]),  // no stemmer: the word as written
        ("is", "en", ["is", "is's", "island"], ["is"]),  // a prefix under three letters: not read
    ])
    func forms_areTheTermsWithTheSameStemKey(word: String, language: String, vocabulary: [String], expected: [String]) {
        var asked: [String] = []
        let forms = ConcordanceQuery.forms(of: word, language: LanguageTag(language)!) { prefix in
            asked.append(prefix)
            return vocabulary.filter { $0.hasPrefix(prefix) }
        }
        #expect(forms == expected)
        // The vocabulary is read from a prefix that every form starts with.
        #expect(asked.allSatisfy { prefix in expected.allSatisfy { $0.hasPrefix(prefix) } })
    }

    @Test func substrings_areTheInputWithoutQuotes() {
        #expect(ConcordanceQuery("保存")?.substrings == ["保存"])
        #expect(ConcordanceQuery("\"save\" file*", mode: .allWords)?.substrings == ["save", "file"])
        #expect(ConcordanceQuery("\"save\" file*", mode: .phrase)?.substrings == ["save file"])
    }
}
