import Testing
@testable import TesseraAlignment

struct AlignmentEvaluationTests {
    static func links(_ lines: [String]) -> [AlignmentLink] {
        lines.compactMap { try? AlignmentLink(beadsLine: $0) }
    }

    static let gold = links(["[0]:[0]", "[1, 2]:[1]", "[3]:[2, 3]", "[]:[4]", "[4]:[5]"])

    @Test func evaluation_perfectAlignmentScoresOne() {
        let score = AlignmentEvaluation(gold: Self.gold, test: Self.gold)
        #expect(score.strict.precision == 1 && score.strict.recall == 1 && score.lax.f1 == 1)
    }

    @Test func evaluation_splitMergeIsALaxButNotAStrictHit() {
        // The test splits gold's 2-1 bead into a 1-1 and a 1-0.
        let test = Self.links(["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2, 3]", "[]:[4]", "[4]:[5]"])
        let score = AlignmentEvaluation(gold: Self.gold, test: test)
        // Precision: 6 test beads, 4 verbatim in gold ([0]:[0], [3]:[2, 3], []:[4], [4]:[5]);
        // [1]:[1] overlaps gold [1, 2]:[1] (lax hit), [2]:[] can never be a lax hit.
        #expect(score.strict.precision == 4.0 / 6.0)
        #expect(score.lax.precision == 5.0 / 6.0)
        // Recall: 4 gold beads with two sides, 3 found verbatim, [1, 2]:[1] overlapped by [1]:[1].
        #expect(score.strict.recall == 3.0 / 4.0)
        #expect(score.lax.recall == 1)
    }

    @Test func evaluation_emptyTestScoresZero() {
        let score = AlignmentEvaluation(gold: Self.gold, test: [])
        #expect(score.strict.f1 == 0 && score.lax.f1 == 0)
    }

    @Test func evaluation_duplicatesCountOnce() {
        let score = AlignmentEvaluation(gold: Self.gold, test: Self.gold + Self.gold)
        #expect(score.strict.precision == 1)
    }
}
