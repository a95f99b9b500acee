import Foundation
import Testing
import TesseraCore
@testable import TesseraAlignment

struct LexicalCostModelTests {
    /// The model of the expedition fixture with a few lexicon pairs (so lexicon masks are set too).
    static func expeditionModel() throws -> LexicalCostModel {
        let source = try Fixture.document("expedition/en.txt", language: "en")
        let target = try Fixture.document("expedition/de.txt", language: "de")
        let features = BilingualFeatures(source: source.sentences, target: target.sentences,
                                         sourceLanguage: source.language, targetLanguage: target.language)
        var lexicon = BilingualLexicon()
        for (english, german) in [("summit", "gipfel"), ("the", "der"), ("the", "die"), ("camp", "lager")] {
            lexicon.add(source: english, target: german, strength: 0.8)
        }
        return LexicalCostModel(features: features, lexicon: lexicon)
    }

    /// Bands narrow enough that some beads leave the pair table (the row costs then fall back to
    /// ``LexicalCostModel/cost(source:target:)``) and wide enough to hold every bead.
    @Test(arguments: [1, 2, 4, 64])
    func costs_equalTheCostOfEachBead(halfWidth: Int) throws {
        let model = try Self.expeditionModel()
        let n = model.source.count
        let m = model.target.count
        let band = AlignmentBand(sourceCount: n, targetCount: m, halfWidth: halfWidth)
        let prepared = model.prepared(for: band)
        var compared = 0
        for row in 0...n {
            for entry in BeadShapeTable.standard.entries {
                let k = entry.shape.sourceCount
                let l = entry.shape.targetCount
                guard row >= k else { continue }
                // The end columns of the beads of this shape whose start cell lies in the band.
                let range = band.targetRange(row: row)
                let from = max(range.lowerBound, band.targetRange(row: row - k).lowerBound + l)
                let to = min(range.upperBound, band.targetRange(row: row - k).upperBound + l)
                guard from <= to, row > 0 || from > 0 else { continue }
                let columns = from..<(to + 1)
                var costs = [Double](repeating: .nan, count: columns.count)
                costs.withUnsafeMutableBufferPointer {
                    prepared.costs(row: row, sourceCount: k, targetCount: l, columns: columns, into: $0.baseAddress!)
                }
                for (c, j) in columns.enumerated() {
                    let single = prepared.cost(source: (row - k)..<row, target: (j - l)..<j)
                    #expect(costs[c].bitPattern == single.bitPattern, "shape \(entry.shape) at (\(row), \(j))")
                    compared += 1
                }
            }
        }
        #expect(compared > n)
    }

    /// The calibration reads masks from a PairScratch keeping every item's key bit: the same
    /// scale as measuring with ``LexicalCostModel/evidence(source:target:)`` on each pair.
    @Test(arguments: [1, 2, 5])
    func calibration_equalsTheMeanOfBestPairEvidence(halfWidth: Int) throws {
        let model = try Self.expeditionModel()
        let n = model.source.count
        let m = model.target.count
        let window = AlignmentBand(sourceCount: n, targetCount: m, halfWidth: halfWidth)
        var total = 0.0
        for x in 0..<n {
            let range = window.targetRange(row: x)
            var best = -Double.infinity
            for y in min(range.lowerBound, m - 1)...min(range.upperBound, m - 1) {
                best = max(best, model.evidence(source: x..<(x + 1), target: y..<(y + 1)))
            }
            total += best
        }
        let measured = LexicalCostModel.Calibration.measure(model, window: window)
        #expect(measured.measured == LexicalCostModel.Calibration(scale: total / Double(n)).measured)
    }

    /// The posting-list masks with every key bit kept are the masks of testing each token of
    /// each pair (computePair), for every pair of the fixture.
    @Test func pairScratch_exactMasksEqualComputePair() throws {
        let model = try Self.expeditionModel()
        let m = model.target.count
        let scratch = LexicalCostModel.PairScratch(model: model, exactKeys: true)
        var masks = [LexicalCostModel.PairMasks](repeating: LexicalCostModel.PairMasks(), count: m)
        var matched = 0
        for x in 0..<model.source.count {
            scratch.mark(row: x, model: model)
            masks.withUnsafeMutableBufferPointer { scratch.masks(row: x, columns: 0..<m, into: $0.baseAddress!, model: model) }
            scratch.unmark(row: x, model: model)
            for y in 0..<m {
                let expected = model.computePair(x, y)
                #expect(masks[y].sourceKey == expected.sourceKey && masks[y].sourceLexicon == expected.sourceLexicon
                        && masks[y].targetKey == expected.targetKey && masks[y].targetLexicon == expected.targetLexicon,
                        "pair (\(x), \(y))")
                if expected.sourceKey != 0 || expected.sourceLexicon != 0 { matched += 1 }
            }
        }
        #expect(matched > model.source.count)
    }
}
