import Foundation
import Testing
import TesseraCore
@testable import TesseraAlignment

struct DebugTests {
    @Test func debug_costs() throws {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let en = try String(contentsOf: fixtures.appendingPathComponent("expedition/en.txt"), encoding: .utf8)
        let de = try String(contentsOf: fixtures.appendingPathComponent("expedition/de.txt"), encoding: .utf8)
        let source = AlignmentDocument(lines: en, language: LanguageTag("en"))
        let full = AlignmentDocument(lines: de, language: LanguageTag("de"))
        let target = AlignmentDocument(sentences: Array(full.sentences.prefix(9)), language: LanguageTag("de"))
        let features = BilingualFeatures(source: source.sentences, target: target.sentences, sourceLanguage: source.language, targetLanguage: target.language)
        let anchors = AnchorFinder().anchors(features)
        print("anchors", anchors)
        var model = LexicalCostModel(features: features, lexicon: BilingualLexicon(), length: DocumentAligner.initialLength(features: features, anchors: anchors))
        print("length", model.length, "calibration", model.calibration)
        model.calibration = .measure(model, window: AlignmentBand(anchors: anchors, sourceCount: source.sentences.count, targetCount: 9, halfWidth: 2))
        print("calibration", model.calibration)
        for (a, b) in [(8..<12, 8..<9), (8..<9, 8..<9), (9..<10, 8..<9)] {
            print(a, b, "cost", model.cost(source: a, target: b), "evidence", model.evidence(source: a, target: b), "length", model.length.cost(sourceLength: a.reduce(0) { $0 + features.source[$1].length }, targetLength: b.reduce(0) { $0 + features.target[$1].length }))
        }
    }
}
