import Foundation
import Testing
import TesseraCore
@testable import TesseraText

/// A gold file: paragraphs of sentences, one sentence per line, blank line between paragraphs.
struct GoldText {
    /// The text the segmenter sees: sentences joined by a space (none for zh/ja), paragraphs by a blank line.
    let text: String
    /// UTF-16 offsets where a sentence starts inside a paragraph (not counting paragraph starts).
    let boundaries: Set<Int>
    /// UTF-16 offsets where a paragraph starts (forced boundaries, not scored).
    let paragraphStarts: Set<Int>
    /// Number of sentences.
    let sentenceCount: Int

    init(contents: String, language: LanguageTag) {
        let joiner = language.isWrittenWithoutSpaces ? "" : " "
        var paragraphs: [[String]] = [[]]
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            let sentence = line.trimmingCharacters(in: .whitespaces)
            if sentence.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(sentence)
            }
        }
        paragraphs.removeAll { $0.isEmpty }
        var text = ""
        var offset = 0
        var boundaries = Set<Int>()
        var paragraphStarts = Set<Int>()
        for (p, paragraph) in paragraphs.enumerated() {
            if p > 0 {
                text += "\n\n"
                offset += 2
            }
            paragraphStarts.insert(offset)
            for (s, sentence) in paragraph.enumerated() {
                if s > 0 {
                    text += joiner
                    offset += joiner.utf16.count
                    boundaries.insert(offset)
                }
                text += sentence
                offset += sentence.utf16.count
            }
        }
        self.text = text
        self.boundaries = boundaries
        self.paragraphStarts = paragraphStarts
        self.sentenceCount = paragraphs.reduce(0) { $0 + $1.count }
    }
}

/// Boundary precision, recall and F1.
struct BoundaryScore {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    init() {}

    init(predicted: Set<Int>, gold: Set<Int>) {
        truePositives = predicted.intersection(gold).count
        falsePositives = predicted.subtracting(gold).count
        falseNegatives = gold.subtracting(predicted).count
    }

    static func + (lhs: BoundaryScore, rhs: BoundaryScore) -> BoundaryScore {
        var sum = BoundaryScore()
        sum.truePositives = lhs.truePositives + rhs.truePositives
        sum.falsePositives = lhs.falsePositives + rhs.falsePositives
        sum.falseNegatives = lhs.falseNegatives + rhs.falseNegatives
        return sum
    }

    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// Loads gold files and scores segmenters against them.
enum GoldSet {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func gold(_ language: String) throws -> GoldText {
        let url = fixtures.appendingPathComponent("segmentation/gold.\(language).txt")
        let contents = try String(contentsOf: url, encoding: .utf8)
        return GoldText(contents: contents, language: LanguageTag(language)!)
    }

    /// Sentence starts found by the built-in segmenter, paragraph starts removed.
    static func predicted(_ gold: GoldText, language: String) -> Set<Int> {
        let segmenter = Segmenter(language: LanguageTag(language)!, paragraphPerLine: false)
        let starts = Set(segmenter.segmentOffsets(gold.text).map(\.lowerBound))
        return starts.subtracting(gold.paragraphStarts)
    }

    /// The naive baseline: break after `.`, `!` or `?` followed by a space (paragraphs given).
    static func baseline(_ gold: GoldText) -> Set<Int> {
        let units = Array(gold.text.utf16)
        var starts = Set<Int>()
        var index = 0
        while index + 1 < units.count {
            let unit = units[index]
            if unit == 0x2E || unit == 0x21 || unit == 0x3F, units[index + 1] == 0x20 {
                var next = index + 1
                while next < units.count, units[next] == 0x20 { next += 1 }
                starts.insert(next)
            }
            index += 1
        }
        return starts.subtracting(gold.paragraphStarts)
    }
}

struct SegmentationGoldTests {
    /// Each language's F1 floor: the measured score minus a margin of 0.02, never below 0.95
    /// (measured with `SEGMENT_REPORT=1 swift test --filter SegmentationGoldTests`).
    static let floors: [String: Double] = [
        "en": 0.967, "de": 0.98, "fr": 0.98, "es": 0.98, "it": 0.98, "pt": 0.98, "nl": 0.98,
        "pl": 0.98, "tr": 0.98, "ru": 0.98, "uk": 0.98, "zh": 0.98, "ja": 0.98,
    ]

    @Test(arguments: BuiltinRules.languages)
    func segment_goldF1StaysAboveFloor(language: String) throws {
        let gold = try GoldSet.gold(language)
        #expect(gold.sentenceCount >= 25, "Gold for \(language) is too small")
        let score = BoundaryScore(predicted: GoldSet.predicted(gold, language: language), gold: gold.boundaries)
        let floor = try #require(Self.floors[language])
        #expect(score.f1 >= floor, "F1 \(score.f1) for \(language) below floor \(floor)")
    }

    @Test func segment_goldOverallF1AtLeast097AndBeatsBaseline() throws {
        var total = BoundaryScore()
        var baselineTotal = BoundaryScore()
        var report: [String] = []
        for language in BuiltinRules.languages {
            let gold = try GoldSet.gold(language)
            let score = BoundaryScore(predicted: GoldSet.predicted(gold, language: language), gold: gold.boundaries)
            let baseline = BoundaryScore(predicted: GoldSet.baseline(gold), gold: gold.boundaries)
            total = total + score
            if ProcessInfo.processInfo.environment["SEGMENT_REPORT"] != nil {
                let predicted = GoldSet.predicted(gold, language: language)
                let units = Array(gold.text.utf16)
                func context(_ offset: Int) -> String {
                    let lower = max(0, offset - 30)
                    let upper = min(units.count, offset + 20)
                    let left = String(decoding: units[lower..<offset], as: UTF16.self)
                    let right = String(decoding: units[offset..<upper], as: UTF16.self)
                    return left + " | " + right
                }
                for offset in predicted.subtracting(gold.boundaries).sorted() { report.append("  FP \(language): \(context(offset))") }
                for offset in gold.boundaries.subtracting(predicted).sorted() { report.append("  FN \(language): \(context(offset))") }
            }
            baselineTotal = baselineTotal + baseline
            report.append(
                String(
                    format: "%@ sentences %3d  P %.3f R %.3f F1 %.3f | baseline P %.3f R %.3f F1 %.3f", language,
                    gold.sentenceCount, score.precision, score.recall, score.f1, baseline.precision, baseline.recall,
                    baseline.f1))
        }
        report.append(
            String(
                format: "all  P %.3f R %.3f F1 %.3f | baseline P %.3f R %.3f F1 %.3f", total.precision, total.recall,
                total.f1, baselineTotal.precision, baselineTotal.recall, baselineTotal.f1))
        if ProcessInfo.processInfo.environment["SEGMENT_REPORT"] != nil {
            print(report.joined(separator: "\n"))
        }
        #expect(total.f1 >= 0.97)
        #expect(total.f1 > baselineTotal.f1)
    }
}
