import Testing
import TesseraTestSupport
@testable import TesseraAlignment

struct AlignerTests {
    /// Sentence lengths drawn from a seeded generator, 20 to 200 characters.
    static func lengths(_ count: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Int.random(in: 20...200, using: &generator) }
    }

    @Test(arguments: [(0, 0), (0, 3), (4, 0), (1, 1), (1, 7), (9, 2)])
    func align_coversBothSidesForAnyCounts(sourceCount: Int, targetCount: Int) {
        let model = LengthCostModel(sourceLengths: Self.lengths(sourceCount, seed: 1), targetLengths: Self.lengths(targetCount, seed: 2))
        let result = Aligner().align(sourceCount: sourceCount, targetCount: targetCount, costModel: model)
        #expect(result.beads.tiles(sourceCount: sourceCount, targetCount: targetCount))
        #expect(result.beads.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test func align_findsMergesFromLengthsAlone() {
        // Target sentence 2 is source 2 and 3 joined; target 5 and 6 are source 5 split in two.
        let source = [40, 80, 30, 35, 120, 90, 60]
        let target = [41, 79, 66, 121, 45, 46, 61]
        let result = Aligner().align(sourceCount: source.count, targetCount: target.count,
                                     costModel: LengthCostModel(sourceLengths: source, targetLengths: target))
        #expect(result.beads.map(\.beadsLine) == ["[0]:[0]", "[1]:[1]", "[2, 3]:[2]", "[4]:[3]", "[5]:[4, 5]", "[6]:[6]"])
    }

    @Test func align_identicalLengthsGiveConfidentOneToOneBeads() {
        let lengths = Self.lengths(300, seed: 7)
        let result = Aligner().align(sourceCount: 300, targetCount: 300,
                                     costModel: LengthCostModel(sourceLengths: lengths, targetLengths: lengths))
        #expect(result.beads.allSatisfy { $0.shape == BeadShape(source: 1, target: 1) })
        let meanConfidence = result.beads.reduce(0) { $0 + $1.confidence } / Double(result.beads.count)
        #expect(meanConfidence > 0.9)
    }

    @Test(arguments: [(300, 100, UInt64(11)), (200, 160, UInt64(5)), (120, 240, UInt64(3))])
    func align_narrowBandFindsTheWholeGridOptimum(sourceCount: Int, targetCount: Int, seed: UInt64) {
        // The target keeps a prefix, drops a block or repeats sentences: the true path leaves the
        // diagonal by far more than the first band's half-width of 8.
        let source = Self.lengths(sourceCount, seed: seed)
        var target = Array(source.prefix(min(sourceCount, targetCount)))
        while target.count < targetCount { target.append(source[target.count % sourceCount]) }
        let model = LengthCostModel(sourceLengths: source, targetLengths: target)
        let banded = Aligner(initialHalfWidth: 8).align(sourceCount: sourceCount, targetCount: targetCount, costModel: model)
        let whole = Aligner(initialHalfWidth: max(sourceCount, targetCount)).align(
            sourceCount: sourceCount, targetCount: targetCount, costModel: model)
        #expect(banded.beads.tiles(sourceCount: sourceCount, targetCount: targetCount))
        #expect(abs(banded.totalCost - whole.totalCost) <= 1e-6 * abs(whole.totalCost))
    }

    @Test func align_widensTheBandWhenThePathTouchesItsEdge() {
        // 40 sentences missing in the middle: the path must run 40 cells off the diagonal.
        let source = Self.lengths(400, seed: 9)
        var target = source
        target.removeSubrange(100..<140)
        let model = LengthCostModel(sourceLengths: source, targetLengths: target)
        let result = Aligner(initialHalfWidth: 4, verificationCells: 0).align(sourceCount: 400, targetCount: 360, costModel: model)
        #expect(result.halfWidth > 4)
        #expect(result.beads.tiles(sourceCount: 400, targetCount: 360))
    }

    @Test func align_followsAGuidePathInANarrowBand() {
        let lengths = Self.lengths(200, seed: 5)
        var target = lengths
        target.removeSubrange(50..<90)  // 40 sentences missing in the middle
        let model = LengthCostModel(sourceLengths: lengths, targetLengths: target)
        let unguided = Aligner().align(sourceCount: 200, targetCount: 160, costModel: model)
        let guided = Aligner().align(sourceCount: 200, targetCount: 160, costModel: model, guide: unguided.beads)
        #expect(guided.beads.tiles(sourceCount: 200, targetCount: 160))
        #expect(guided.halfWidth < unguided.halfWidth)
        #expect(guided.beads.map(\.beadsLine) == unguided.beads.map(\.beadsLine))
    }
}
