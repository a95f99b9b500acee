import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraText

struct SegmenterTests {
    static func sentences(_ text: String, _ language: String, paragraphPerLine: Bool = true) -> [String] {
        Segmenter.segment(text, language: LanguageTag(language)!, paragraphPerLine: paragraphPerLine).map { String(text[$0]) }
    }

    @Test(arguments: [
        ("Dr. Smith met Mr. Jones. They talked.", "en", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("J. R. R. Tolkien wrote it. It sold well.", "en", ["J. R. R. Tolkien wrote it.", "It sold well."]),
        ("Growth was 3.5 percent at 10.30 today. Prices fell.", "en", ["Growth was 3.5 percent at 10.30 today.", "Prices fell."]),
        ("He paused... and went on. Then he left.", "en", ["He paused... and went on.", "Then he left."]),
        ("Wait… What? Really?! Yes.", "en", ["Wait…", "What?", "Really?!", "Yes."]),
        ("He said, \"It is over.\" Then he left.", "en", ["He said, \"It is over.\"", "Then he left."]),
        ("See www.example.com/a.b for info. Mail info@example.org now.", "en", ["See www.example.com/a.b for info.", "Mail info@example.org now."]),
        ("Fruit, e.g. apples, is healthy. Eat it.", "en", ["Fruit, e.g. apples, is healthy.", "Eat it."]),
        ("Prices rose in the U.S. The Fed acted.", "en", ["Prices rose in the U.S.", "The Fed acted."]),
        ("U.S. President Lee spoke. He smiled.", "en", ["U.S. President Lee spoke.", "He smiled."]),
        ("We met at 5 p.m. The talks failed.", "en", ["We met at 5 p.m.", "The talks failed."]),
        ("It ends at 6 p.m. Thursday. Then rest.", "en", ["It ends at 6 p.m. Thursday.", "Then rest."]),
        ("هل أنت بخير؟ نعم أنا بخير.", "ar", ["هل أنت بخير؟", "نعم أنا بخير."]),
        ("यह एक वाक्य है। यह दूसरा है।", "hi", ["यह एक वाक्य है।", "यह दूसरा है।"]),
        ("Am 3. Juni kam er. Dann ging er.", "de", ["Am 3. Juni kam er.", "Dann ging er."]),
        ("Das ist z. B. Obst. Es schmeckt.", "de", ["Das ist z. B. Obst.", "Es schmeckt."]),
        ("Er sagte: „Wir kommen.“ Dann ging er.", "de", ["Er sagte: „Wir kommen.“", "Dann ging er."]),
        ("Das Spiel endete 2:1. Die Fans jubelten.", "de", ["Das Spiel endete 2:1.", "Die Fans jubelten."]),
        ("Il a dit : « C'est fini. » Puis il est parti.", "fr", ["Il a dit : « C'est fini. »", "Puis il est parti."]),
        ("M. Dupont est là. Mme Durand aussi.", "fr", ["M. Dupont est là.", "Mme Durand aussi."]),
        ("La Sra. García llegó. ¿Vendrá el Sr. Pérez?", "es", ["La Sra. García llegó.", "¿Vendrá el Sr. Pérez?"]),
        ("Il dott. Rossi parla. Poi tace.", "it", ["Il dott. Rossi parla.", "Poi tace."]),
        ("Zie blz. 4 voor details. Dank u.", "nl", ["Zie blz. 4 voor details.", "Dank u."]),
        ("Przyjechał 1. maja, np. rano. Potem wyjechał.", "pl", ["Przyjechał 1. maja, np. rano.", "Potem wyjechał."]),
        ("Toplantı 24. Haziran'da. İstanbul'da yapılacak.", "tr", ["Toplantı 24. Haziran'da.", "İstanbul'da yapılacak."]),
        ("Это т. е. пример. Эксперт А. С. Попов согласен.", "ru", ["Это т. е. пример.", "Эксперт А. С. Попов согласен."]),
        ("Построили в 2019 г. Работы идут.", "ru", ["Построили в 2019 г.", "Работы идут."]),
        ("Зарплата 5 тис. грн. Це мало.", "uk", ["Зарплата 5 тис. грн.", "Це мало."]),
        ("今天天气很好。我们去公园吧！好吗？", "zh", ["今天天气很好。", "我们去公园吧！", "好吗？"]),
        ("「行くよ。」と彼は言った。雨だった。", "ja", ["「行くよ。」と彼は言った。", "雨だった。"]),
    ])
    func segment_splitsAsExpected(text: String, language: String, expected: [String]) {
        #expect(Self.sentences(text, language) == expected)
    }

    /// German: a number with a stop is an ordinal (no break) only before a month name or after an
    /// article or contracted preposition ("der 2. Weltkrieg", "am 3. Mai"); a capital after a
    /// bare number starts a new sentence.
    @Test(arguments: [
        ("Die Sitzung ist am 12. Mai.", ["Die Sitzung ist am 12. Mai."]),
        ("Die Zahl stieg auf 12. Danach fiel sie.", ["Die Zahl stieg auf 12.", "Danach fiel sie."]),
        ("Die Temperatur lag bei 12. Am Abend regnete es.", ["Die Temperatur lag bei 12.", "Am Abend regnete es."]),
        ("Das Team belegte Platz 3. Die Saison ist vorbei.", ["Das Team belegte Platz 3.", "Die Saison ist vorbei."]),
        ("Bis 12. März bleibt es kalt.", ["Bis 12. März bleibt es kalt."]),
        ("Der 2. Weltkrieg endete 1945. Danach kam der Frieden.", ["Der 2. Weltkrieg endete 1945.", "Danach kam der Frieden."]),
        ("Sie spielt in der 3. Liga. Das ist neu.", ["Sie spielt in der 3. Liga.", "Das ist neu."]),
        ("Zum 100. Geburtstag kamen alle.", ["Zum 100. Geburtstag kamen alle."]),
        ("Ihr 2. Album erschien später.", ["Ihr 2. Album erschien später."]),
        ("Die EU plant ein 18. Sanktionspaket. Es kommt bald.", ["Die EU plant ein 18. Sanktionspaket.", "Es kommt bald."]),
        ("Er kam am 12. und ging am 14.", ["Er kam am 12. und ging am 14."]),
    ])
    func segment_germanNumberIsOrdinalOnlyBeforeMonthOrAfterArticle(text: String, expected: [String]) {
        #expect(Self.sentences(text, "de") == expected)
    }

    @Test(arguments: [
        ("Heading without stop\nFirst sentence. Second one.", true, ["Heading without stop", "First sentence.", "Second one."]),
        ("A wrapped\nline. Next.", false, ["A wrapped\nline.", "Next."]),
        ("Title\n\nBody text here.", false, ["Title", "Body text here."]),
        ("Title\r\n  \r\nBody.", false, ["Title", "Body."]),
    ])
    func segment_paragraphsAreBoundaries(text: String, perLine: Bool, expected: [String]) {
        #expect(Self.sentences(text, "en", paragraphPerLine: perLine) == expected)
    }

    @Test(arguments: ["", "   ", "\n\n\t", "\u{3000}"])
    func segment_returnsNothingForBlankText(text: String) {
        #expect(Segmenter.segment(text, language: LanguageTag("en")!).isEmpty)
    }

    @Test func segment_rangesAreTrimmedAndCoverAllText() {
        let text = "  One.  Two!\n\nThree?  "
        let ranges = Segmenter.segment(text, language: LanguageTag("en")!)
        #expect(ranges.map { String(text[$0]) } == ["One.", "Two!", "Three?"])
        let covered = ranges.map { text[$0] }.joined()
        #expect(covered == text.filter { !$0.isWhitespace })

    }

    @Test func segment_handlesEmojiAndAstralCharacters() {
        let text = "Great news 😀. Next 𝒳 sentence."
        #expect(Self.sentences(text, "en") == ["Great news 😀.", "Next 𝒳 sentence."])
    }

    @Test func segment_givesSameResultFromConcurrentTasks() async throws {
        let text = String(repeating: "Dr. Müller kam am 3. Juni. „Gut!“, sagte er. Dann ging er… nach Hause. ", count: 200)
        let expected = Segmenter.segment(text, language: LanguageTag("de")!).count
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { Segmenter.segment(text, language: LanguageTag("de")!).count }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(expected == 600)
        #expect(counts == Array(repeating: expected, count: 8))
    }

    @Test func segment_unknownLanguageUsesCommonRules() {
        #expect(Self.sentences("Ciao. Hello there.", "xx") == ["Ciao.", "Hello there."])
    }

    @Test func segment_customRulesFirstMatchWins() throws {
        let rules = try SegmentationRules(rules: [
            .init(isBreak: false, beforeBreak: #"\bNo\."#, afterBreak: #"\s"#),
            .init(isBreak: true, beforeBreak: #"\."#, afterBreak: #"\s"#),
            .init(isBreak: true, beforeBreak: #"\bNo\."#, afterBreak: #"\s"#),
        ])
        let text = "Item No. 5 is here. Take it."
        #expect(Segmenter(rules: rules).segment(text).map { String(text[$0]) } == ["Item No. 5 is here.", "Take it."])
    }

    @Test func rules_rejectInvalidPattern() {
        #expect(throws: SRXError.self) {
            _ = try SegmentationRules(rules: [.init(isBreak: true, beforeBreak: "[a-", afterBreak: "")])
        }
    }

    @Test func builtinRules_compileForEveryLanguage() throws {
        for language in BuiltinRules.languages {
            _ = try SegmentationRules(rules: BuiltinRules.ruleList(for: language))
        }
    }

    @Test func segment_isLinearOnLongText() throws {
        // 2,000 sentences: must stay well under a second even in debug builds on a shared machine.
        let sentence = "Dr. Smith said the U.S. economy grew 3.5 percent in Sept. 2024. "
        let text = String(repeating: sentence, count: 2_000)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure { count = Segmenter.segment(text, language: LanguageTag("en")!).count }
        #expect(count == 2_000)
        #expect(elapsed < .seconds(10))
    }

    @Test(arguments: BuiltinRules.languages)
    func segment_randomTextGivesOrderedTrimmedRanges(language: String) {
        let pieces = [
            "Dr.", "z. B.", "3.", "U.S.", "...", "…", "?!", " ", " ", "\n", "\n\n", "«", "»", "„", "“", "\"", "。", "」",
            "word", "Wort", "İstanbul", "слово", "г.", "中文", "😀", "e\u{301}", "\r\n", "\u{2029}", "1.5", "www.a.b",
        ]
        var generator = SeededGenerator(state: 42)
        let segmenter = Segmenter(language: LanguageTag(language)!)
        for _ in 0..<50 {
            let count = Int.random(in: 0..<40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let ranges = segmenter.segment(text)
            var previous = text.startIndex
            for range in ranges {
                #expect(range.lowerBound >= previous && range.lowerBound < range.upperBound)
                let sentence = text[range]
                #expect(sentence.first.map { !$0.isWhitespace } ?? false)
                #expect(sentence.last.map { !$0.isWhitespace } ?? false)
                previous = range.upperBound
            }
            let kept = ranges.map { text[$0] }.joined().filter { !$0.isWhitespace }
            #expect(kept == text.filter { !$0.isWhitespace })
        }
    }
}
