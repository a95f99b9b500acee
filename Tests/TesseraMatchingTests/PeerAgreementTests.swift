import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
import TesseraKit
import TesseraMatching

/// Scores compared with other tools on their own test data.
struct PeerAgreementTests {
    static let en = LanguageTag("en")!

    /// Translate Toolkit's matcher finds `hand` and `pond` for `hond` at 75 (one character of four).
    @Test(arguments: ["hand", "pond"])
    func score_agreesWithTranslateToolkitOnSingleWords(candidate: String) {
        #expect(FuzzyScorer.score(query: MatchText("hond", language: Self.en), candidate: MatchText(candidate, language: Self.en)).percent == 75)
    }

    static let omegatFile = SharedData.root.appendingPathComponent("samples/tmx/omegat-org+omegat/src/test/resources/data/tmx/test-match-stat-en-ca.tmx").path

    /// The English sources of a TMX file, read crudely (`<tuv xml:lang="en"><seg>` text, entities
    /// decoded): enough for a score comparison without the TMX reader.
    static func englishSegments(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var segments: [String] = []
        for tuv in text.components(separatedBy: "<tuv").dropFirst() where tuv.contains("xml:lang=\"en") {
            guard let start = tuv.range(of: "<seg>"), let end = tuv.range(of: "</seg>") else { continue }
            let raw = String(tuv[start.upperBound..<end.lowerBound])
            segments.append(
                raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                    .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return segments
    }

    /// OmegaT's FindMatchesTest scores its three-sentence badge query against this English-Catalan
    /// memory at 65 (62 without stemming). Ours has no stemming; we expect the same neighbourhood.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: omegatFile)))
    func score_isNearOmegaTOnItsThreeSentenceQuery() throws {
        let query = MatchText(
            "This badge is granted when you’ve invited 5 people who subsequently spent enough time on the site to become full members. Wow! Thanks for expanding the diversity of our community with new members!",
            language: Self.en)
        var index = MatchIndex()
        for (number, segment) in try Self.englishSegments(Self.omegatFile).enumerated() {
            index.add(unit: Int64(number), variants: [.init(id: Int64(number), language: Self.en, text: segment)])
        }
        let best = try #require(index.search(MatchRequest(query: query, sourceLanguage: Self.en, targetLanguages: nil, minimum: 30, limit: 5)).first)
        #expect((55...70).contains(best.base), "best base score \(best.base)")
    }
}
