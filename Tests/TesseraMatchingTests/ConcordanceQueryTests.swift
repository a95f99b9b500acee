import Testing
@testable import TesseraMatching

struct ConcordanceQueryTests {
    @Test(arguments: [
        ("save file", ConcordanceQuery.Mode.phrase, "\"save file\"" as String?),
        ("the \"big\" file", .phrase, "\"the \"\"big\"\" file\""),
        ("NEAR(a b)", .phrase, "\"NEAR(a b)\""),
        ("-x OR y", .allWords, "\"-x\" \"OR\" \"y\""),
        ("transl*", .allWords, "\"transl\"*"),
        ("open fi*", .phrase, "\"open fi\"*"),
        ("a:b ^c", .allWords, "\"a:b\" \"^c\""),
        ("*", .phrase, nil),
        ("  \" - ", .phrase, nil),
    ])
    func expression_quotesEveryWord(input: String, mode: ConcordanceQuery.Mode, expected: String?) {
        #expect(ConcordanceQuery(input, mode: mode)?.expression == expected)
    }

    @Test func trigramExpression_needsThreeCharacters() {
        #expect(ConcordanceQuery("保存できません")?.trigramExpression == "\"保存できません\"")
        #expect(ConcordanceQuery("保存")?.trigramExpression == nil)
        #expect(ConcordanceQuery("保存")?.substrings == ["保存"])
    }
}
