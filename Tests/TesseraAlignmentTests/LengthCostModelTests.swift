import Testing
import TesseraTestSupport
@testable import TesseraAlignment

struct LengthCostModelTests {
    @Test(arguments: [(100, 100, 100, 130), (50, 52, 50, 80), (300, 310, 300, 200)])
    func cost_growsWithTheLengthMismatch(source: Int, close: Int, source2: Int, far: Int) {
        let statistics = LengthStatistics(ratio: 1, variance: LengthStatistics.galeChurchVariance)
        #expect(statistics.cost(sourceLength: source, targetLength: close) < statistics.cost(sourceLength: source2, targetLength: far))
    }

    @Test func tail_tableAgreesWithTheExactFunction() {
        for step in 0..<400 {
            let x = Double(step) * 0.0913
            #expect(abs(logTwoSidedTail(x) - exactLogTwoSidedTail(x)) < 1e-3 * max(1, abs(exactLogTwoSidedTail(x))))
        }
        #expect(exactLogTwoSidedTail(0) == 0)
        #expect(logTwoSidedTail(100).isFinite)
    }

    @Test func estimate_recoversRatioAndFallsBackWithFewPairs() {
        var generator = SeededGenerator(seed: 3)
        let pairs = (0..<200).map { _ -> (source: Int, target: Int) in
            let length = Int.random(in: 30...150, using: &generator)
            return (length, Int((Double(length) * 1.2).rounded()) + Int.random(in: -5...5, using: &generator))
        }
        let fallback = LengthStatistics(ratio: 1, variance: 6.8)
        let estimated = LengthStatistics.estimate(pairs: pairs, fallback: fallback)
        #expect(abs(estimated.ratio - 1.2) < 0.02)
        #expect(LengthStatistics.estimate(pairs: Array(pairs.prefix(5)), fallback: fallback) == fallback)
    }
}
