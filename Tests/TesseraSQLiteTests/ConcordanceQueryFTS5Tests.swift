import Testing
import TesseraCore
import TesseraMatching
@testable import TesseraSQLite

/// The FTS5 text the SQLite backend makes of a parsed query: every word quoted, so no input acts
/// as an FTS5 operator.
struct ConcordanceQueryFTS5Tests {
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

    @Test func trigramExpression_needsThreeCharacters() {
        #expect(ConcordanceQuery("保存できません")?.trigramExpression == "\"保存できません\"")
        #expect(ConcordanceQuery("保存")?.trigramExpression == nil)
    }
}
