import Testing
import TesseraCore
@testable import TesseraMatching

struct FuzzyScorerTests {
    static let en = LanguageTag("en")

    /// Query, candidate, language, expected percentage (worked out by hand from the formula in
    /// Docs/MATCHING.md: floor(100 (L - d) / L), cap 99, penalties).
    @Test(arguments: [
        ("Open the file", "Open the file", "en", 100),  // exact
        ("Open the file", "open the file", "en", 98),  // same words, case: -2
        ("Open the file.", "Open the file", "en", 98),  // same words, punctuation: -2
        ("Open  the file", "Open the file", "en", 99),  // same words, white space: -1
        ("Open the file", "Open the folder", "en", 66),  // d=1, L=3: floor(200/3)
        ("Open the file", "Open the file now please", "en", 60),  // d=2, L=5
        ("hond", "hand", "en", 75),  // one word: characters, d=1, L=4 (Translate Toolkit: 75)
        ("hond", "pond", "en", 75),
        ("Delete 3 files", "Delete 5 files", "en", 65),  // d=1, L=3 -> 66, numbers -1
        ("a b c d e f g h i j", "a b c d e f g h i k", "en", 90),  // d=1, L=10
        // Two neighbouring words swapped are one edit (issue 9, item 8): d=1, L=7 -> floor(600/7).
        ("Do not the use fcmpltd custom instruction.", "Do not use the fcmpltd custom instruction.", "en", 85),
        ("There no is application configured to open this type of file.", "There is no application configured to open this type of file.", "en", 90),
        ("recieve", "receive", "en", 85),  // one word: characters, a swap, d=1, L=7
        ("変更を保存できません", "変更を保存できました", "ja", 80),  // characters: d=2, L=10
        ("İSTANBUL", "istanbul", "tr", 98),  // Turkish İ folds to i: same word, case -2
        ("ISPARTA", "isparta", "tr", 85),  // Turkish I folds to ı: d=1, L=7 -> floor(600/7)
        ("ISPARTA", "isparta", "en", 98),  // elsewhere I folds to i
        ("", "", "en", 100),
        ("", "Open", "en", 0),
        ("...", "Open", "en", 0),
    ])
    func score_followsTheDocumentedFormula(query: String, candidate: String, language: String, expected: Int) {
        let tag = LanguageTag(language)
        let score = FuzzyScorer.score(query: MatchText(query, language: tag), candidate: MatchText(candidate, language: tag))
        #expect(score.percent == expected)
    }

    @Test func score_isCappedAt99UnlessExact() {
        let long = (1...200).map { "w\($0)" }
        let query = MatchText(long.joined(separator: " "), language: Self.en)
        var changed = long
        changed[100] = "other"
        let score = FuzzyScorer.score(query: query, candidate: MatchText(changed.joined(separator: " "), language: Self.en))
        #expect(score.base == 99 && score.percent == 99)
        #expect(FuzzyScorer.score(query: query, candidate: query).percent == 100)
    }

    @Test(arguments: [(0, 2, 2), (1, 0, 1), (0, 7, 3)])
    func score_penalisesInlineCodeDifference(queryCodes: Int, candidateCodes: Int, points: Int) {
        let text = MatchText("Click Save to keep the changes", language: Self.en)
        let score = FuzzyScorer.score(query: text, candidate: text, queryCodes: queryCodes, candidateCodes: candidateCodes)
        #expect(score.penalties == [MatchPenalty(.inlineCodes, points: points)])
        #expect(score.percent == 99 - points)
    }

    @Test func score_listsPenaltiesSeparately() {
        let query = MatchText("Delete 3 files now", language: Self.en)
        let candidate = MatchText("Delete 4 files now", language: Self.en)
        let score = FuzzyScorer.score(query: query, candidate: candidate, candidateCodes: 1, origin: .aligned)
        #expect(score.base == 75)
        #expect(Set(score.penalties.map(\.kind)) == [.numbers, .inlineCodes, .origin])
        #expect(score.percent == 75 - 1 - 1 - 2)
        #expect(score.differingWords == [1])
    }

    @Test func score_ranksAlignedUnitsBelowImportedOnes() {
        let text = MatchText("The meeting starts at noon", language: Self.en)
        let imported = FuzzyScorer.score(query: text, candidate: text, origin: .imported)
        let aligned = FuzzyScorer.score(query: text, candidate: text, origin: .aligned)
        #expect(aligned < imported)
    }

    @Test func score_breaksTiesByCharacters() {
        let query = MatchText("Open the file", language: Self.en)
        let near = FuzzyScorer.score(query: query, candidate: MatchText("Open the files", language: Self.en))
        let far = FuzzyScorer.score(query: query, candidate: MatchText("Open the window", language: Self.en))
        #expect(near.percent == far.percent)
        #expect(far < near)
    }

    @Test(arguments: [
        ("Delete 5 files", "Delete 3 files", "3 Dateien löschen", "5 Dateien löschen" as String?),
        ("Page 12 of 30", "Page 2 of 30", "Seite 2 von 30", "Seite 12 von 30"),
        ("Delete 5 files", "Delete 3 folders", "3 Ordner löschen", nil),  // a word differs too
        ("Delete 5 files", "Delete 3 files", "Dateien löschen", nil),  // number absent from target
        ("Delete 3 files", "Delete 3 files", "3 Dateien löschen", nil),  // nothing to carry
    ])
    func carry_movesNumbersIntoTheTarget(query: String, source: String, target: String, expected: String?) {
        let result = NumberCarrier.carry(
            query: MatchText(query, language: Self.en), source: MatchText(source, language: Self.en), target: target)
        #expect(result == expected)
    }

    /// A lookup scores every candidate without the tie-break and differing words, then adds them
    /// for the candidates it may show: the two steps give the score of one.
    @Test(arguments: [
        ("Open the file", "Open the folder"), ("Delete 3 files?", "Delete 4 files"), ("hond", "hand"),
        ("Save", "save!"), ("", ""), ("変更を保存できません", "変更を保存できました"),
    ])
    func detailed_completesAScoreFinishedWithoutDetails(query: String, candidate: String) {
        let language = query.unicodeScalars.first.map { $0.value > 0x3000 } == true ? LanguageTag("ja") : Self.en
        let a = MatchText(query, language: language), b = MatchText(candidate, language: language)
        let (base, distance) = FuzzyScorer.baseScore(query: a, candidate: b)
        let whole = FuzzyScorer.finish(base: base, distance: distance, query: a, candidate: b, candidateCodes: 1)
        let shallow = FuzzyScorer.finish(base: base, distance: distance, query: a, candidate: b, candidateCodes: 1, details: false)
        #expect(shallow.percent == whole.percent && shallow.penalties == whole.penalties)
        #expect(FuzzyScorer.detailed(shallow, query: a, candidate: b) == whole)
    }
}
