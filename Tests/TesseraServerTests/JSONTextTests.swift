import Foundation
import Testing
@testable import TesseraServer

/// JSON written by hand (the request log, the answers of every lookup): it reads back to the same
/// values, and the lookup answers are byte for byte what `JSONEncoder` wrote before.
struct JSONTextTests {
    static let texts = [
        "plain", "quote \" and \\ backslash", "line\nbreak\ttab\rreturn", "bell \u{7} nul \u{0} esc \u{1B} bs \u{8} ff \u{C} us \u{1F}",
        "/api/v1/lookup?q=a/b", "Übersetzung 翻訳 🙂 e\u{301}", "", "del \u{7F} ls \u{2028}",
    ]

    @Test(arguments: texts)
    func quoted_readsBackAsTheSameString(value: String) throws {
        var line = "{"
        JSONText.appendQuoted("field", to: &line)
        line += ":"
        JSONText.appendQuoted(value, to: &line)
        line += "}"
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["field": value])
    }

    static func match(_ text: String, score: Int) -> API.Match {
        API.Match(
            score: score, source: text, target: "de \(text)", sourceLanguage: "en", targetLanguage: "de-CH", differingWords: [text, "x"],
            origin: "imported", unit: 9_007_199_254_740_993, memory: "legal")
    }

    @Test(arguments: texts)
    func lookupResult_isWhatTheEncoderWrote(text: String) throws {
        let result = API.LookupResult(query: text, matches: [Self.match(text, score: 101), Self.match("b", score: 0)])
        let encoded = try JSONBody.encoder().encode(result)
        #expect(result.jsonText == String(decoding: encoded, as: UTF8.self))
        #expect(try JSONDecoder().decode(API.LookupResult.self, from: Data(result.jsonText.utf8)) == result)
        let batch = API.BatchLookupResponse(results: [result, API.LookupResult(query: "", matches: [])])
        #expect(batch.jsonText == String(decoding: try JSONBody.encoder().encode(batch), as: UTF8.self))
    }

    @Test(arguments: [[], [100.0, 75, 0], [99.5, -3, 1e20, 0.1]])
    func suggestions_areWhatTheEncoderWrote(ranks: [Double]) throws {
        let suggestions = ranks.enumerated().map { number, rank in
            TMServerRoutes.Suggestion(source: Self.texts[number % Self.texts.count], target: "t/\(number)", quality: Int(min(rank, 100)), rank: rank)
        }
        let encoded = try JSONBody.encoder().encode(suggestions)
        #expect(suggestions.jsonText == String(decoding: encoded, as: UTF8.self))
    }
}
