import Foundation

/// The aligner's default cost model: Gale-Church length cost plus lexical evidence (shared
/// numbers, cognates, punctuation, and word pairs of a ``BilingualLexicon``).
///
/// For a bead joining source sentences A with target sentences B, the lexical similarity is the
/// weighted share of tokens that find a partner on the other side:
///
///     sim(A, B) = (matched source weight + matched target weight) / (total weight of A and B)
///
/// where a token is matched by an identical shared key in the other side (same number, same
/// 4-letter cognate prefix, same `?`/`!`/quote/parenthesis) or, failing that, by a lexicon
/// partner (counting the pair's strength). The bead's cost is
///
///     lengthWeight · GaleChurch(A, B) - lexicalWeight · (sim - baseline) / scale · (|A| + |B|) / 2
///
/// `baseline` is the similarity of unrelated sentence pairs and `scale` the margin of true pairs
/// over it, both measured on the document pair (``Calibration``), so the weights mean the same
/// for every language pair. Multiplying by the number of sentences makes a merge earn what its
/// sentences would earn separately, as Vecalign does. A 1-0 or 0-1 bead costs
/// `insertionPenalty` (plus its shape prior, added by the aligner).
///
/// ```swift
/// let features = BilingualFeatures(source: source, target: target, sourceLanguage: de, targetLanguage: fr)
/// let model = LexicalCostModel(features: features, lexicon: BilingualLexicon())
/// let beads = Aligner().align(sourceCount: source.count, targetCount: target.count, costModel: model).beads
/// ```
public struct LexicalCostModel: CostModel {
    /// The weights of the cost terms.
    public struct Parameters: Sendable, Hashable {
        /// Weight of the Gale-Church length cost.
        public var lengthWeight: Double
        /// Weight of the normalised lexical similarity.
        public var lexicalWeight: Double
        /// Extra cost of a 1-0 or 0-1 bead on top of its prior.
        public var insertionPenalty: Double

        /// Creates parameters.
        public init(lengthWeight: Double, lexicalWeight: Double, insertionPenalty: Double) {
            self.lengthWeight = lengthWeight
            self.lexicalWeight = lexicalWeight
            self.insertionPenalty = insertionPenalty
        }

        /// Values tuned on the Text+Berg German-French dev set (Docs/ALIGNMENT.md, "Tuning").
        public static let standard = Parameters(lengthWeight: 1, lexicalWeight: 3, insertionPenalty: 0)
    }

    /// Where similarity stands for unrelated and for parallel sentences in this document pair.
    public struct Calibration: Sendable, Hashable {
        /// Mean similarity of unrelated sentence pairs.
        public var baseline: Double
        /// Mean similarity of parallel pairs minus the baseline (at least ``minimumScale``).
        public var scale: Double
        /// Floor of the scale, so that a pair with no evidence at all does not blow up the costs.
        public static let minimumScale = 0.05
        /// Used when a document is too short to measure anything (fewer than 8 sentences a side).
        public static let fallback = Calibration(baseline: 0.02, scale: 0.25)

        /// Creates a calibration.
        public init(baseline: Double, scale: Double) {
            self.baseline = baseline.isFinite ? baseline : 0
            self.scale = scale.isFinite ? max(Self.minimumScale, scale) : Self.minimumScale
        }
    }

    /// The sentences' features.
    public let source: [SentenceFeatures]
    /// The target sentences' features.
    public let target: [SentenceFeatures]
    /// Length model parameters.
    public var length: LengthStatistics
    /// Term weights.
    public var parameters: Parameters
    /// Similarity calibration.
    public var calibration: Calibration

    private let forward: [[Link]]
    private let backward: [[Link]]
    private let sourcePrefix: [Int]
    private let targetPrefix: [Int]
    private var table: PairTable?

    struct Link: Sendable {
        var word: Int32
        var strength: Float
    }

    /// Creates the model.
    /// - Parameters:
    ///   - features: Features of both documents (from ``BilingualFeatures``).
    ///   - lexicon: Word pairs; may be empty.
    ///   - length: Gale-Church parameters; by default the total length ratio and variance 6.8.
    ///   - parameters: Term weights.
    ///   - calibration: Similarity calibration; by default measured on the documents
    ///     (``Calibration/measure(_:)``).
    public init(features: BilingualFeatures, lexicon: BilingualLexicon, length: LengthStatistics? = nil,
                parameters: Parameters = .standard, calibration: Calibration? = nil) {
        self.init(source: features.source, target: features.target, sourceWords: features.sourceWords,
                  targetWords: features.targetWords, lexicon: lexicon, length: length, parameters: parameters,
                  calibration: calibration)
    }

    /// Creates the model for sentences (or paragraphs) whose features come from a
    /// ``BilingualFeatures`` value with the given vocabularies.
    public init(source: [SentenceFeatures], target: [SentenceFeatures], sourceWords: [String], targetWords: [String],
                lexicon: BilingualLexicon, length: LengthStatistics? = nil, parameters: Parameters = .standard,
                calibration: Calibration? = nil) {
        self.source = source
        self.target = target
        self.parameters = parameters
        sourcePrefix = LengthCostModel.prefixSums(source.map(\.length))
        targetPrefix = LengthCostModel.prefixSums(target.map(\.length))
        self.length = length ?? LengthStatistics(sourceTotal: sourcePrefix.last ?? 0, targetTotal: targetPrefix.last ?? 0)
        var targetIds: [String: Int32] = [:]
        for (index, word) in targetWords.enumerated() { targetIds[word] = Int32(index) }
        var forward = [[Link]](repeating: [], count: sourceWords.count)
        var backward = [[Link]](repeating: [], count: targetWords.count)
        if !lexicon.isEmpty {
            for (sourceIndex, word) in sourceWords.enumerated() {
                guard let partners = lexicon.entries[word] else { continue }
                for (partner, strength) in partners {
                    guard let targetIndex = targetIds[partner] else { continue }
                    forward[sourceIndex].append(Link(word: targetIndex, strength: Float(strength)))
                    backward[Int(targetIndex)].append(Link(word: Int32(sourceIndex), strength: Float(strength)))
                }
            }
        }
        self.forward = forward
        self.backward = backward
        self.calibration = Calibration.fallback
        self.calibration = calibration ?? Calibration.measure(self)
    }

    init(copying model: LexicalCostModel, source: [SentenceFeatures], target: [SentenceFeatures]) {
        self.source = source
        self.target = target
        length = model.length
        parameters = model.parameters
        calibration = model.calibration
        forward = model.forward
        backward = model.backward
        sourcePrefix = LengthCostModel.prefixSums(source.map(\.length))
        targetPrefix = LengthCostModel.prefixSums(target.map(\.length))
        table = nil
    }

    /// The same model with other parameters, sentences and calibration kept.
    public func with(parameters: Parameters) -> LexicalCostModel {
        var copy = self
        copy.parameters = parameters
        return copy
    }

    // MARK: Cost

    /// The bead cost described in the type's documentation.
    public func cost(source a: Range<Int>, target b: Range<Int>) -> Double {
        if a.isEmpty || b.isEmpty { return parameters.insertionPenalty }
        let ls = sourcePrefix[a.upperBound] - sourcePrefix[a.lowerBound]
        let lt = targetPrefix[b.upperBound] - targetPrefix[b.lowerBound]
        let lengthCost = length.cost(sourceLength: ls, targetLength: lt)
        let similarity = self.similarity(source: a, target: b)
        let sentences = Double(a.count + b.count) / 2
        return parameters.lengthWeight * lengthCost
            - parameters.lexicalWeight * (similarity - calibration.baseline) / calibration.scale * sentences
    }

    /// The lexical similarity `sim(A, B)` in [0, 1].
    public func similarity(source a: Range<Int>, target b: Range<Int>) -> Double {
        var matched: Float = 0
        var total: Float = 0
        for x in a {
            var sum: Float = 0
            for y in b { sum += pairMatches(x, y).source }
            let weight = source[x].totalWeight
            matched += min(weight, sum)
            total += weight
        }
        for y in b {
            var sum: Float = 0
            for x in a { sum += pairMatches(x, y).target }
            let weight = target[y].totalWeight
            matched += min(weight, sum)
            total += weight
        }
        return total > 0 ? Double(matched / total) : 0
    }

    /// Matched weight of source sentence `x` in target sentence `y` and the reverse.
    @inline(__always) func pairMatches(_ x: Int, _ y: Int) -> (source: Float, target: Float) {
        if let table, let value = table.value(x, y) { return value }
        return computePair(x, y)
    }

    func computePair(_ x: Int, _ y: Int) -> (source: Float, target: Float) {
        let s = source[x]
        let t = target[y]
        var sourceMatched: Float = 0
        for item in s.items {
            if item.key >= 0 && t.hasKey(item.key) {
                sourceMatched += item.weight
            } else if item.word >= 0 {
                var best: Float = 0
                for link in forward[Int(item.word)] where link.strength > best && t.hasWord(link.word) { best = link.strength }
                sourceMatched += item.weight * best
            }
        }
        var targetMatched: Float = 0
        for item in t.items {
            if item.key >= 0 && s.hasKey(item.key) {
                targetMatched += item.weight
            } else if item.word >= 0 {
                var best: Float = 0
                for link in backward[Int(item.word)] where link.strength > best && s.hasWord(link.word) { best = link.strength }
                targetMatched += item.weight * best
            }
        }
        return (sourceMatched, targetMatched)
    }

    // MARK: Preparation

    /// A copy with the sentence-pair scores of every pair a bead in `band` can touch computed
    /// once (O(n · w) memory).
    public func prepared(for band: AlignmentBand) -> LexicalCostModel {
        var copy = self
        copy.table = nil
        copy.table = PairTable(model: copy, band: band, maxSource: 5, maxTarget: 5)
        return copy
    }

    /// Sentence-pair scores for the rows of a band.
    struct PairTable: Sendable {
        var low: [Int]
        var width: [Int]
        var start: [Int]
        var values: [Float]

        init(model: LexicalCostModel, band: AlignmentBand, maxSource: Int, maxTarget: Int) {
            let n = model.source.count
            let m = model.target.count
            low = [Int](repeating: 0, count: n)
            width = [Int](repeating: 0, count: n)
            start = [Int](repeating: 0, count: n + 1)
            for x in 0..<n {
                let first = band.targetRange(row: max(0, x - maxSource + 1)).lowerBound
                let last = min(m - 1, band.targetRange(row: min(n, x + 1)).upperBound + maxTarget - 1)
                low[x] = first
                width[x] = max(0, last - first + 1)
                start[x + 1] = start[x] + width[x]
            }
            values = [Float](repeating: 0, count: 2 * start[n])
            for x in 0..<n {
                for offset in 0..<width[x] {
                    let pair = model.computePair(x, low[x] + offset)
                    values[2 * (start[x] + offset)] = pair.source
                    values[2 * (start[x] + offset) + 1] = pair.target
                }
            }
        }

        @inline(__always) func value(_ x: Int, _ y: Int) -> (source: Float, target: Float)? {
            let offset = y - low[x]
            guard offset >= 0 && offset < width[x] else { return nil }
            let index = 2 * (start[x] + offset)
            return (values[index], values[index + 1])
        }
    }
}

extension LexicalCostModel.Calibration {
    /// Measures the calibration on the model's own sentences: the baseline is the mean similarity
    /// of sentence pairs a third, a half and two thirds of the document apart (unrelated text);
    /// the scale is the mean, over source sentences, of the best similarity within two sentences
    /// of the diagonal, minus the baseline.
    public static func measure(_ model: LexicalCostModel) -> LexicalCostModel.Calibration {
        let n = model.source.count
        let m = model.target.count
        guard n >= 8 && m >= 8 else { return fallback }
        var unrelated = 0.0
        var unrelatedCount = 0
        var parallel = 0.0
        let step = max(1, n / 400)  // at most about 400 rows sampled
        var rows = 0
        for x in stride(from: 0, to: n, by: step) {
            let center = min(m - 1, (x * m + n / 2) / n)
            for shift in [m / 3, m / 2, 2 * m / 3] {
                let y = (center + shift) % m
                unrelated += model.similarity(source: x..<(x + 1), target: y..<(y + 1))
                unrelatedCount += 1
            }
            var best = 0.0
            for y in max(0, center - 2)...min(m - 1, center + 2) {
                best = max(best, model.similarity(source: x..<(x + 1), target: y..<(y + 1)))
            }
            parallel += best
            rows += 1
        }
        let baseline = unrelated / Double(max(1, unrelatedCount))
        return .init(baseline: baseline, scale: parallel / Double(max(1, rows)) - baseline)
    }

    /// Measures the scale on beads believed correct (e.g. the confident 1-1 beads of a first
    /// pass), keeping the baseline measured on unrelated pairs.
    public static func measure(_ model: LexicalCostModel, parallelPairs: [(source: Int, target: Int)]) -> LexicalCostModel.Calibration {
        let base = measure(model)
        guard parallelPairs.count >= 10 else { return base }
        let mean = parallelPairs.reduce(0.0) {
            $0 + model.similarity(source: $1.source..<($1.source + 1), target: $1.target..<($1.target + 1))
        } / Double(parallelPairs.count)
        return .init(baseline: base.baseline, scale: mean - base.baseline)
    }
}

extension LexicalCostModel {
    /// The model for a slice of the sentences (the sentences of one paragraph pair), sharing
    /// lexicon, length statistics and calibration.
    public func restricted(source a: Range<Int>, target b: Range<Int>) -> LexicalCostModel {
        LexicalCostModel(copying: self, source: Array(source[a]), target: Array(target[b]))
    }

    /// The model whose units are groups of sentences (paragraphs). The calibration is measured on
    /// the groups when there are enough of them, else the sentence calibration is kept.
    public func grouped(source a: [Range<Int>], target b: [Range<Int>]) -> LexicalCostModel {
        let groupedSource = a.map { SentenceFeatures.merged(source[$0]) }
        let groupedTarget = b.map { SentenceFeatures.merged(target[$0]) }
        var model = LexicalCostModel(copying: self, source: groupedSource, target: groupedTarget)
        if groupedSource.count >= 8 && groupedTarget.count >= 8 { model.calibration = .measure(model) }
        return model
    }
}
