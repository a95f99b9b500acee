import Foundation

/// Aligns the sentences of a document with those of its translation: the whole pipeline of
/// Docs/ALIGNMENT.md.
///
/// 1. Features of every sentence (``BilingualFeatures``).
/// 2. Pass 1: ``LexicalCostModel`` with length, numbers, cognates, punctuation and the external
///    lexicon; paragraph i with paragraph i when both sides have the same number of paragraphs,
///    paragraphs first when the counts differ and both sides have several, then sentences inside
///    each paragraph bead.
/// 3. Learn word pairs from the confident beads of pass 1 (``LexiconLearner``) and re-estimate the
///    length ratio and variance from its confident 1-1 beads.
/// 4. Pass 2 with the learnt lexicon; its beads are the result.
/// 5. Warnings: an empty side, a side that stops early, many unaligned sentences, little shared
///    evidence, a strange length ratio.
///
/// ```swift
/// let source = AlignmentDocument(lines: germanText, language: LanguageTag("de"))
/// let target = AlignmentDocument(lines: frenchText, language: LanguageTag("fr"))
/// let report = DocumentAligner().align(source: source, target: target)
/// for bead in report.beads { print(bead.beadsLine, bead.confidence) }
/// ```
///
/// - Complexity: O((n + m) · w · k) per pass (see ``Aligner``) plus the lexicon learning.
package struct DocumentAligner: Sendable {
    /// The search.
    package var aligner: Aligner
    /// Weights of the cost model.
    package var parameters: LexicalCostModel.Parameters
    /// Word and stem pairs from outside (glossary, translation memory); may be empty.
    package var lexicon: BilingualLexicon
    /// Learns word pairs from pass 1; `nil` runs a single pass.
    package var learner: LexiconLearner?
    /// Keep sentences inside their paragraphs: with the same number of paragraphs on both sides,
    /// paragraph i is aligned with paragraph i (no bead crosses a paragraph boundary); with
    /// different counts, paragraphs are aligned first when both sides have at least
    /// `minimumParagraphs`.
    package var usesParagraphs: Bool
    /// When the paragraph counts differ, fewer paragraphs than this on either side give too little
    /// for a paragraph alignment to be trusted (one wrong paragraph bead ruins every sentence in
    /// it); the sentences are then aligned directly.
    package var minimumParagraphs: Int

    /// What one alignment produced.
    package struct Report: Sendable {
        /// The beads, in order, covering every sentence of both sides once.
        package var beads: [Bead]
        /// Oddities found.
        package var warnings: [AlignmentWarning]
        /// Number of word pairs learnt from the document pair.
        package var learnedPairs: Int
        /// The length statistics of the final pass.
        package var length: LengthStatistics
        /// The similarity calibration of the final pass.
        package var calibration: LexicalCostModel.Calibration
    }

    /// Creates an aligner with the standard settings.
    package init(aligner: Aligner = Aligner(), parameters: LexicalCostModel.Parameters = .standard,
                lexicon: BilingualLexicon = BilingualLexicon(), learner: LexiconLearner? = LexiconLearner(),
                usesParagraphs: Bool = true, minimumParagraphs: Int = 4) {
        self.aligner = aligner
        self.parameters = parameters
        self.lexicon = lexicon
        self.learner = learner
        self.usesParagraphs = usesParagraphs
        self.minimumParagraphs = minimumParagraphs
    }

    /// Aligns two documents.
    package func align(source: AlignmentDocument, target: AlignmentDocument) -> Report {
        let n = source.sentences.count
        let m = target.sentences.count
        if n == 0 || m == 0 {
            return emptySideReport(sourceCount: n, targetCount: m)
        }
        let features = BilingualFeatures(source: source.sentences, target: target.sentences,
                                         sourceLanguage: source.language, targetLanguage: target.language)
        let anchors = AnchorFinder().anchors(features)
        // Stem pairs (glossary, translation memory) become pairs of this document pair's words.
        let lexicon = self.lexicon.resolved(sourceWords: features.sourceWords, targetWords: features.targetWords,
                                            sourceLanguage: source.language, targetLanguage: target.language)
        // The evidence does not depend on the calibration: the model is made with a placeholder
        // and measured once, around the anchors when there are some (the default measurement
        // on the diagonal would be thrown away).
        var first = LexicalCostModel(features: features, lexicon: lexicon,
                                     length: Self.initialLength(features: features, anchors: anchors), parameters: parameters,
                                     calibration: .fallback)
        first.calibration = anchors.isEmpty ? .measure(first)
            : .measure(first, window: AlignmentBand(anchors: anchors, sourceCount: n, targetCount: m, halfWidth: 2))
        var beads = alignSentences(model: first, source: source.paragraphs, target: target.paragraphs, anchors: anchors)
        var model = first
        var learned = 0
        let oneToOne = beads.filter { $0.shape == BeadShape(source: 1, target: 1) }.count
        if let learner, oneToOne >= Self.minimumPairsForLearning {
            let learnt = learner.learn(beads: beads, features: features)
            learned = learnt.count
            // Re-estimate the length ratio and variance, and the evidence of a parallel pair, on
            // all 1-1 beads of pass 1 (the confident ones alone would understate the variance).
            let pairs = beads.filter { $0.shape == BeadShape(source: 1, target: 1) }
                .map { (source: $0.source.lowerBound, target: $0.target.lowerBound) }
            let length = LengthStatistics.estimate(
                pairs: pairs.map { (features.source[$0.source].length, features.target[$0.target].length) },
                fallback: first.length)
            var second = LexicalCostModel(features: features, lexicon: lexicon.merging(learnt), length: length,
                                          parameters: parameters, calibration: .fallback)
            second.calibration = .measure(second, parallelPairs: pairs)
            model = second
            beads = alignSentences(model: second, source: source.paragraphs, target: target.paragraphs, guide: beads)
        }
        let warnings = Self.warnings(beads: beads, model: model, sourceCount: n, targetCount: m,
                                     paragraphsDiffer: usesParagraphs && source.paragraphs.count >= max(2, minimumParagraphs)
                                        && target.paragraphs.count >= max(2, minimumParagraphs)
                                        && source.paragraphs.count != target.paragraphs.count)
        return Report(beads: beads, warnings: warnings, learnedPairs: learned, length: model.length,
                      calibration: model.calibration)
    }

    /// Pass 2 runs only when pass 1 found at least this many 1-1 beads: fewer say too little
    /// to learn words or re-estimate lengths from.
    static let minimumPairsForLearning = 10

    /// Length statistics before any alignment: the length ratio of the anchor pairs when there
    /// are at least 3 (robust to a translation that stops early or has extra material), else of
    /// the whole documents; Gale and Church's variance.
    static func initialLength(features: BilingualFeatures, anchors: [(source: Int, target: Int)]) -> LengthStatistics {
        guard anchors.count >= 3 else {
            return LengthStatistics(sourceTotal: features.source.reduce(0) { $0 + $1.length },
                                    targetTotal: features.target.reduce(0) { $0 + $1.length })
        }
        return LengthStatistics(sourceTotal: anchors.reduce(0) { $0 + features.source[$1.source].length },
                                targetTotal: anchors.reduce(0) { $0 + features.target[$1.target].length })
    }

    /// Sentence beads of the whole document: paragraph i with paragraph i when both sides have the
    /// same number of paragraphs (2 or more), through a paragraph alignment when the counts differ
    /// and both sides have at least `minimumParagraphs`, else the sentences of the whole document.
    func alignSentences(model: LexicalCostModel, source: [Range<Int>], target: [Range<Int>], guide: [Bead]? = nil,
                        anchors: [(source: Int, target: Int)] = []) -> [Bead] {
        let n = model.source.count
        let m = model.target.count
        let paragraphBeads: [Bead]
        if usesParagraphs, source.count >= 2, source.count == target.count {
            // The same number of paragraphs on both sides: paragraph i translates paragraph i, so
            // no bead crosses a paragraph boundary, however few paragraphs there are.
            paragraphBeads = source.indices.map { Bead(source: $0..<($0 + 1), target: $0..<($0 + 1), cost: 0, confidence: 1) }
        } else if usesParagraphs, source.count >= max(2, minimumParagraphs), target.count >= max(2, minimumParagraphs),
                  source.count < n || target.count < m {
            let paragraphModel = model.grouped(source: source, target: target)
            paragraphBeads = aligner.align(sourceCount: source.count, targetCount: target.count, costModel: paragraphModel).beads
        } else {
            return aligner.align(sourceCount: n, targetCount: m, costModel: model, guide: guide, anchors: anchors).beads
        }
        var beads: [Bead] = []
        for paragraphBead in paragraphBeads {
            let sentenceSource = paragraphBead.source.isEmpty
                ? source[min(paragraphBead.source.lowerBound, source.count - 1)].lowerBound..<source[min(paragraphBead.source.lowerBound, source.count - 1)].lowerBound
                : source[paragraphBead.source.lowerBound].lowerBound..<source[paragraphBead.source.upperBound - 1].upperBound
            let sentenceTarget = paragraphBead.target.isEmpty
                ? target[min(paragraphBead.target.lowerBound, target.count - 1)].lowerBound..<target[min(paragraphBead.target.lowerBound, target.count - 1)].lowerBound
                : target[paragraphBead.target.lowerBound].lowerBound..<target[paragraphBead.target.upperBound - 1].upperBound
            if sentenceSource.isEmpty || sentenceTarget.isEmpty {
                // A whole paragraph without counterpart: each of its sentences is a 1-0 or 0-1 bead.
                let sourceEnd = paragraphBead.source.isEmpty ? sentenceSource.lowerBound : sentenceSource.upperBound
                for index in sentenceSource {
                    beads.append(Bead(source: index..<(index + 1), target: sentenceTarget.lowerBound..<sentenceTarget.lowerBound,
                                      cost: paragraphBead.cost, confidence: paragraphBead.confidence))
                }
                for index in sentenceTarget {
                    beads.append(Bead(source: sourceEnd..<sourceEnd, target: index..<(index + 1),
                                      cost: paragraphBead.cost, confidence: paragraphBead.confidence))
                }
                continue
            }
            let inner = model.restricted(source: sentenceSource, target: sentenceTarget)
            let (innerGuide, innerAnchors) = Self.restricted(guide: guide, anchors: anchors, source: sentenceSource, target: sentenceTarget)
            let result = aligner.align(sourceCount: sentenceSource.count, targetCount: sentenceTarget.count, costModel: inner,
                                       guide: innerGuide, anchors: innerAnchors)
            for bead in result.beads {
                var placed = bead.offset(source: sentenceSource.lowerBound, target: sentenceTarget.lowerBound)
                placed.confidence *= paragraphBead.confidence
                beads.append(placed)
            }
        }
        return beads
    }

    /// The guide beads and anchors that lie inside a paragraph pair, in its coordinates, so the
    /// search inside a paragraph follows the same band as a search over the whole document: the
    /// guide only when its beads cover the pair exactly (else `nil`, a diagonal band).
    static func restricted(guide: [Bead]?, anchors: [(source: Int, target: Int)], source: Range<Int>,
                           target: Range<Int>) -> (guide: [Bead]?, anchors: [(source: Int, target: Int)]) {
        let innerAnchors = anchors.filter { source.contains($0.source) && target.contains($0.target) }
            .map { (source: $0.source - source.lowerBound, target: $0.target - target.lowerBound) }
        guard let guide else { return (nil, innerAnchors) }
        let innerGuide = guide.filter {
            source.lowerBound <= $0.source.lowerBound && $0.source.upperBound <= source.upperBound
                && target.lowerBound <= $0.target.lowerBound && $0.target.upperBound <= target.upperBound
        }.map { $0.offset(source: -source.lowerBound, target: -target.lowerBound) }
        let covers = AlignmentBand(guide: innerGuide, sourceCount: source.count, targetCount: target.count, halfWidth: 0) != nil
        return (covers ? innerGuide : nil, innerAnchors)
    }

    private func emptySideReport(sourceCount n: Int, targetCount m: Int) -> Report {
        var warnings: [AlignmentWarning] = []
        if n == 0 && m == 0 {
            warnings.append(.init(kind: .emptySide, message: "Both documents are empty: there is nothing to align."))
        } else if n == 0 {
            warnings.append(.init(kind: .emptySide, message: "The source document has no sentences: all \(m) target sentences are 0-1 beads."))
        } else {
            warnings.append(.init(kind: .emptySide, message: "The target document has no sentences: all \(n) source sentences are 1-0 beads."))
        }
        let beads = (0..<n).map { Bead(source: $0..<($0 + 1), target: 0..<0, cost: 0, confidence: 1) }
            + (0..<m).map { Bead(source: 0..<0, target: $0..<($0 + 1), cost: 0, confidence: 1) }
        return Report(beads: beads, warnings: warnings, learnedPairs: 0,
                      length: LengthStatistics(ratio: 1, variance: LengthStatistics.galeChurchVariance),
                      calibration: .fallback)
    }
}
