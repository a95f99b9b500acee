import Testing
import TesseraCore
@testable import TesseraMatching

struct ConcordanceQueryTests {
    @Test(arguments: [
        ("save file", ConcordanceQuery.Mode.phrase, "\"save\" + \"file\"" as String?),
        ("the \"big\" file", .phrase, "\"the\" + \"big\" + \"file\""),
        ("NEAR(a b)", .phrase, "\"NEAR\" + \"a\" + \"b\""),
        ("-x OR y", .allWords, "\"x\" AND \"OR\" AND \"y\""),
        ("transl*", .allWords, "\"transl\"*"),
        ("open fi*", .phrase, "\"open\" + \"fi\"*"),
        ("prod* lines", .phrase, "\"prod\"* + \"lines\""),  // a prefix on any word
        ("prod* lines", .allWords, "\"prod\"* AND \"lines\""),
        ("\"save file\" now", .allWords, "\"save\" + \"file\" AND \"now\""),  // a quoted phrase in word mode
        ("a:b ^c", .allWords, "\"a\" + \"b\" AND \"c\""),
        ("don't", .phrase, "\"don\" + \"t\""),
        ("🙂", .phrase, nil),  // a symbol only: no word for the word table
        ("*", .phrase, nil),
        ("  \" - ", .phrase, nil),
    ])
    func expression_quotesEveryWord(input: String, mode: ConcordanceQuery.Mode, expected: String?) {
        #expect(ConcordanceQuery(input, mode: mode)?.expression == expected)
    }

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

    @Test func expression_combinesTheFormsOfEachWord() throws {
        let query = try #require(ConcordanceQuery("production line \"items\""))
        let expression = query.expression { $0.text == "line" ? ["line", "lines"] : [$0.text, $0.text + "s"] }
        #expect(expression == "(\"production\" + \"line\" + \"items\" OR \"production\" + \"lines\" + \"items\" OR \"productions\" + \"line\" + \"items\" OR \"productions\" + \"lines\" + \"items\")")
        // Too many combinations: the words with the most forms keep their written form.
        let long = try #require(ConcordanceQuery("a b c d e f g"))
        let capped = try #require(long.expression { [$0.text, $0.text + "s", $0.text + "es"] })
        #expect(capped.components(separatedBy: " OR ").count <= ConcordanceQuery.maximumPhrases)
        #expect(capped.hasPrefix("(\"a\" + \"b\" + \"c\" + \"d\""))
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

    @Test func trigramExpression_needsThreeCharacters() {
        #expect(ConcordanceQuery("保存できません")?.trigramExpression == "\"保存できません\"")
        #expect(ConcordanceQuery("保存")?.trigramExpression == nil)
        #expect(ConcordanceQuery("保存")?.substrings == ["保存"])
    }
}
