import Foundation

/// The aligner's default cost model: Gale-Church length cost plus lexical evidence (shared
/// numbers, cognates, punctuation, and word pairs of a ``BilingualLexicon``).
///
/// **Evidence.** A token of a source sentence is *matched* in target sentences B when one of
/// them holds the same shared key (same number, same 4-letter cognate prefix, same `?`, `!`,
/// quote or parenthesis) or, failing that, a lexicon partner (counting the pair's strength).
/// Each token also has a *chance* of being matched in |B| unrelated sentences,
/// `p_B = 1 - (1 - p)^|B|`, where `p` is the share of target sentences of the document holding
/// its key or a partner. The evidence of a bead is the weighted surprise of its matches,
///
///     evidence(A, B) = Σ_tokens weight · (matched - p_|other side|)
///
/// summed over the tokens of both sides: a rare shared number or name says a lot, a frequent
/// word matched by chance almost nothing, and merging two sentence pairs earns what they earn
/// apart (no bonus for the extra chances a merge offers). The bead's cost is
///
///     lengthWeight · GaleChurch(A, B) - lexicalWeight · evidence(A, B) / scale
///
/// where `scale` is the evidence of a typical parallel sentence pair of this document pair
/// (``Calibration``), so the weights mean the same for every language pair and text type.
/// A 1-0 or 0-1 bead costs `insertionPenalty` (plus its shape prior, added by the aligner).
///
/// ```swift
/// let features = BilingualFeatures(source: source, target: target, sourceLanguage: de, targetLanguage: fr)
/// let model = LexicalCostModel(features: features, lexicon: BilingualLexicon())
/// let beads = Aligner().align(sourceCount: source.count, targetCount: target.count, costModel: model).beads
/// ```
package struct LexicalCostModel: CostModel {
    /// The weights of the cost terms.
    package struct Parameters: Sendable, Hashable {
        /// Weight of the Gale-Church length cost.
        package var lengthWeight: Double
        /// Weight of the normalised lexical evidence.
        package var lexicalWeight: Double
        /// Extra cost of a 1-0 or 0-1 bead on top of its prior.
        package var insertionPenalty: Double

        /// Values tuned on the Text+Berg German-French dev set (Docs/ALIGNMENT.md, "Tuning").
        package static let standard = Parameters(lengthWeight: 0.5, lexicalWeight: 8, insertionPenalty: 0)
    }

    /// How much evidence a parallel sentence pair of this document pair carries.
    package struct Calibration: Sendable, Hashable {
        /// Mean evidence of a parallel sentence pair (at least ``minimumScale``).
        package var scale: Double
        /// The scale as measured, before the floor (tells whether the documents share anything).
        package var measured: Double
        /// Floor of the scale: a few matched tokens (a typical parallel pair of a European
        /// language pair earns 5 to 15), so that one chance match never outweighs a shape prior.
        package static let minimumScale = 3.0
        /// Used when a document is too short to measure anything (fewer than 8 units a side).
        package static let fallback = Calibration(scale: 4)

        /// Creates a calibration.
        package init(scale: Double) {
            self.measured = scale.isFinite ? scale : 0
            self.scale = max(Self.minimumScale, measured)
        }
    }

    /// The source units' features.
    package let source: [SentenceFeatures]
    /// The target units' features.
    package let target: [SentenceFeatures]
    /// Length model parameters.
    package var length: LengthStatistics
    /// Term weights.
    package var parameters: Parameters
    /// Evidence calibration.
    package var calibration: Calibration

    let forward: [[Link]]
    let backward: [[Link]]
    private let sourcePrefix: [Int]
    private let targetPrefix: [Int]
    private(set) var sourceUnits: [ScoredUnit]
    private(set) var targetUnits: [ScoredUnit]
    private var table: PairTable?

    /// Largest span whose chance expectation is stored; longer spans use it.
    static let maximumSpan = 5
    /// Items scored per unit: the 64 most informative (one bit each in a match mask).
    static let maximumItems = 64

    struct Link: Sendable {
        var word: Int32
        var strength: Float
    }

    /// A token as the model scores it.
    struct ScoredItem: Sendable {
        var key: Int32
        var word: Int32
        /// Value of a key match (the item weight).
        var keyValue: Float
        /// Value of a lexicon match (weight times the best partner strength).
        var lexiconValue: Float
        /// Whether the word has lexicon partners at all.
        var hasPartners: Bool
    }

    /// A unit's most informative items and their chance expectations.
    struct ScoredUnit: Sendable {
        var items: [ScoredItem]
        /// Expected matched value in k = 1...maximumSpan unrelated units of the other side.
        var expected: [Float]
    }

    /// Which items of each side a unit pair matches (bit i = item i of the unit).
    struct PairMasks: Sendable {
        var sourceKey: UInt64 = 0
        var sourceLexicon: UInt64 = 0
        var targetKey: UInt64 = 0
        var targetLexicon: UInt64 = 0
    }

    /// Creates the model.
    /// - Parameters:
    ///   - features: Features of both documents (from ``BilingualFeatures``).
    ///   - lexicon: Word pairs; may be empty.
    ///   - length: Gale-Church parameters; by default the total length ratio and variance 6.8.
    ///   - parameters: Term weights.
    ///   - calibration: Evidence calibration; by default measured on the documents
    ///     (``Calibration/measure(_:)``).
    package init(features: BilingualFeatures, lexicon: BilingualLexicon, length: LengthStatistics? = nil,
                parameters: Parameters = .standard, calibration: Calibration? = nil) {
        self.init(source: features.source, target: features.target, sourceWords: features.sourceWords,
                  targetWords: features.targetWords, lexicon: lexicon, length: length, parameters: parameters,
                  calibration: calibration)
    }

    /// Creates the model for sentences (or paragraphs) whose features come from a
    /// ``BilingualFeatures`` value with the given vocabularies.
    package init(source: [SentenceFeatures], target: [SentenceFeatures], sourceWords: [String], targetWords: [String],
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
        sourceUnits = Self.scoredUnits(source, other: target, links: forward)
        targetUnits = Self.scoredUnits(target, other: source, links: backward)
        self.calibration = Calibration.fallback
        self.calibration = calibration ?? Calibration.measure(self)
    }

    init(copying model: LexicalCostModel, source: [SentenceFeatures], target: [SentenceFeatures],
         sourceUnits: [ScoredUnit]? = nil, targetUnits: [ScoredUnit]? = nil) {
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
        self.sourceUnits = sourceUnits ?? Self.scoredUnits(source, other: target, links: model.forward)
        self.targetUnits = targetUnits ?? Self.scoredUnits(target, other: source, links: model.backward)
    }

    /// The same model with other parameters, units and calibration kept.
    package func with(parameters: Parameters) -> LexicalCostModel {
        var copy = self
        copy.parameters = parameters
        return copy
    }

    /// Scores the items of `units` against the document frequencies of `other`: chance of a
    /// match in one unrelated unit, expectations for 1...maximumSpan units, and the
    /// ``maximumItems`` most informative items kept.
    static func scoredUnits(_ units: [SentenceFeatures], other: [SentenceFeatures], links: [[Link]],
                            otherUnitsPerSpan: Float = 1) -> [ScoredUnit] {
        // Ids are small and dense (ids of one BilingualFeatures value): counts in arrays.
        var keyLimit = 0
        var wordLimit = 0
        for unit in other {
            keyLimit = max(keyLimit, Int(unit.sortedKeys.last ?? -1) + 1)
            wordLimit = max(wordLimit, Int(unit.sortedWords.last ?? -1) + 1)
        }
        var keyFrequency = [Int](repeating: 0, count: keyLimit)
        var wordFrequency = [Int](repeating: 0, count: wordLimit)
        for unit in other {
            for key in unit.sortedKeys where key >= 0 { keyFrequency[Int(key)] += 1 }
            for word in unit.sortedWords where word >= 0 { wordFrequency[Int(word)] += 1 }
        }
        let count = Float(max(1, other.count))
        return units.map { unit in
            var scored: [(item: ScoredItem, keyChance: Float, lexiconChance: Float, information: Float)] = []
            scored.reserveCapacity(unit.items.count)
            for item in unit.items {
                let keyChance = item.key >= 0 && Int(item.key) < keyLimit ? Float(keyFrequency[Int(item.key)]) / count : 0
                var lexiconChance: Float = 0
                var best: Float = 0
                let partners = item.word >= 0 && Int(item.word) < links.count ? links[Int(item.word)] : []
                for link in partners {
                    lexiconChance += Float(link.word >= 0 && Int(link.word) < wordLimit ? wordFrequency[Int(link.word)] : 0) / count
                    best = max(best, link.strength)
                }
                lexiconChance = min(1, lexiconChance)
                guard item.key >= 0 || best > 0 else { continue }  // can never match: no evidence either way
                let scoredItem = ScoredItem(key: item.key, word: item.word, keyValue: item.weight,
                                            lexiconValue: item.weight * best, hasPartners: best > 0)
                let chance = keyChance * item.weight + (1 - keyChance) * lexiconChance * scoredItem.lexiconValue
                let information = item.weight - chance
                scored.append((scoredItem, keyChance, lexiconChance, information))
            }
            if scored.count > maximumItems {
                scored.sort { $0.information > $1.information }
                scored.removeLast(scored.count - maximumItems)
            }
            var expected = [Float](repeating: 0, count: maximumSpan)
            for entry in scored {
                var keyMiss: Float = 1
                var lexiconMiss: Float = 1
                // pow(x, 1) is x: sentences skip the call.
                let keyMissPerSpan = otherUnitsPerSpan == 1 ? 1 - entry.keyChance : pow(1 - entry.keyChance, otherUnitsPerSpan)
                let lexiconMissPerSpan = otherUnitsPerSpan == 1 ? 1 - entry.lexiconChance
                    : pow(1 - entry.lexiconChance, otherUnitsPerSpan)
                for k in 0..<maximumSpan {
                    keyMiss *= keyMissPerSpan
                    lexiconMiss *= lexiconMissPerSpan
                    expected[k] += (1 - keyMiss) * entry.item.keyValue + keyMiss * (1 - lexiconMiss) * entry.item.lexiconValue
                }
            }
            return ScoredUnit(items: scored.map(\.item), expected: expected)
        }
    }

    // MARK: Cost

    /// The bead cost described in the type's documentation.
    package func cost(source a: Range<Int>, target b: Range<Int>) -> Double {
        if a.isEmpty || b.isEmpty { return parameters.insertionPenalty }
        let ls = sourcePrefix[a.upperBound] - sourcePrefix[a.lowerBound]
        let lt = targetPrefix[b.upperBound] - targetPrefix[b.lowerBound]
        let lengthCost = length.cost(sourceLength: ls, targetLength: lt)
        return parameters.lengthWeight * lengthCost - parameters.lexicalWeight * evidence(source: a, target: b) / calibration.scale
    }

    /// The costs of a row of beads of one shape (see ``CostModel``): the same values as
    /// ``cost(source:target:)``, operation for operation, with the source span's length hoisted
    /// and the evidence read from the pair table's span terms without per-bead look-ups; cells
    /// the table does not cover go through ``cost(source:target:)``.
    ///
    /// - Complexity: O(columns.count · (sourceCount + targetCount)).
    package func costs(row: Int, sourceCount k: Int, targetCount l: Int, columns: Range<Int>,
                      into costs: UnsafeMutablePointer<Double>) {
        if k == 0 || l == 0 {
            for c in 0..<columns.count { costs[c] = parameters.insertionPenalty }
            return
        }
        let spans = PairTable.spans
        guard let table, k <= spans, l <= spans, !table.sourceSpans.isEmpty, !columns.isEmpty else {
            let source = (row - k)..<row
            for (c, j) in columns.enumerated() { costs[c] = cost(source: source, target: (j - l)..<j) }
            return
        }
        let firstSource = row - k
        // Columns whose beads lie wholly in the table: every source row x of the bead holds the
        // target units j - l ..< j.
        var fastFrom = columns.lowerBound
        var fastTo = columns.upperBound - 1
        for x in firstSource..<row {
            fastFrom = max(fastFrom, table.low[x] + l)
            fastTo = min(fastTo, table.low[x] + table.width[x])
        }
        let ls = sourcePrefix[row] - sourcePrefix[firstSource]
        let sourceLength = Double(ls)
        let ratio = length.ratio
        let variance = length.variance
        let scaledSource = sourceLength * ratio
        let lengthWeight = parameters.lengthWeight
        let lexicalWeight = parameters.lexicalWeight
        let scale = calibration.scale
        let resolution = Double(tailTableResolution)
        tailTable.withUnsafeBufferPointer { tail in
        targetPrefix.withUnsafeBufferPointer { targetPrefix in
        table.sourceSpans.withUnsafeBufferPointer { sourceSpans in
        table.targetSpans.withUnsafeBufferPointer { targetSpans in
        table.low.withUnsafeBufferPointer { tableLow in
        table.start.withUnsafeBufferPointer { tableStart in
            let slowUpTo = min(fastFrom, columns.upperBound)
            for j in columns.lowerBound..<slowUpTo {
                costs[j - columns.lowerBound] = cost(source: firstSource..<row, target: (j - l)..<j)
            }
            if fastFrom <= fastTo {
                // Index of the term of source unit x for the target span starting at j - l:
                // (start[x] + j - l - low[x]) * spans + l - 1, and of target unit y for the source
                // span: (start[firstSource] + y - low[firstSource]) * spans + k - 1.
                let targetBase = (tableStart[firstSource] - tableLow[firstSource]) * spans + k - 1
                for j in fastFrom...fastTo {
                    let lt = targetPrefix[j] - targetPrefix[j - l]
                    // LengthStatistics.cost(sourceLength:targetLength:)
                    var lengthCost = 0.0
                    if ls != 0 || lt != 0 {
                        let targetLength = Double(lt)
                        let mean = (sourceLength + targetLength / ratio) / 2
                        let delta = abs(targetLength - scaledSource) / (variance * mean).squareRoot()
                        // logTwoSidedTail(delta), with the table read through a pointer.
                        let position = delta * resolution
                        if position < Double(tail.count - 1) {
                            let index = Int(position)
                            let fraction = position - Double(index)
                            lengthCost = -(tail[index] + (tail[index + 1] - tail[index]) * fraction)
                        } else {
                            lengthCost = -exactLogTwoSidedTail(delta)
                        }
                    }
                    var total: Float = 0
                    for x in firstSource..<row {
                        total += sourceSpans[(tableStart[x] + j - l - tableLow[x]) * spans + l - 1]
                    }
                    for y in (j - l)..<j {
                        total += targetSpans[targetBase + y * spans]
                    }
                    if total.isNaN {
                        costs[j - columns.lowerBound] = cost(source: firstSource..<row, target: (j - l)..<j)
                    } else {
                        costs[j - columns.lowerBound] = lengthWeight * lengthCost - lexicalWeight * Double(total) / scale
                    }
                }
            }
            for j in max(fastTo + 1, slowUpTo)..<columns.upperBound {
                costs[j - columns.lowerBound] = cost(source: firstSource..<row, target: (j - l)..<j)
            }
        }}}}}}
    }

    /// The chance-corrected lexical evidence that `source` and `target` translate each other
    /// (see the type's documentation): about 0 for unrelated units, ``Calibration/scale`` for a
    /// typical parallel sentence pair.
    package func evidence(source a: Range<Int>, target b: Range<Int>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if let table, let fast = table.spanEvidence(source: a, target: b) { return Double(fast) }
        let sourceSpan = min(a.count, Self.maximumSpan) - 1
        let targetSpan = min(b.count, Self.maximumSpan) - 1
        if b.count <= Self.maximumSpan {
            // One look-up per unit pair: the target side's masks are gathered while the source
            // side is summed (same sums in the same order as the two loops below).
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * Self.maximumSpan) { targetMasks in
                targetMasks.initialize(repeating: 0)
                var total: Float = 0
                for x in a {
                    var keyMask: UInt64 = 0
                    var lexiconMask: UInt64 = 0
                    var k = 0
                    for y in b {
                        let masks = pairMasks(x, y)
                        keyMask |= masks.sourceKey
                        lexiconMask |= masks.sourceLexicon
                        targetMasks[2 * k] |= masks.targetKey
                        targetMasks[2 * k + 1] |= masks.targetLexicon
                        k += 1
                    }
                    total += Self.value(sourceUnits[x].items, keyMask: keyMask, lexiconMask: lexiconMask)
                        - sourceUnits[x].expected[targetSpan]
                }
                var k = 0
                for y in b {
                    total += Self.value(targetUnits[y].items, keyMask: targetMasks[2 * k], lexiconMask: targetMasks[2 * k + 1])
                        - targetUnits[y].expected[sourceSpan]
                    k += 1
                }
                return Double(total)
            }
        }
        // A longer target span (rare): each unit's masks are gathered against the whole other side.
        var total: Float = 0
        for x in a {
            let masks = b.reduce(into: (key: UInt64(0), lexicon: UInt64(0))) { masks, y in
                let pair = pairMasks(x, y)
                masks = (masks.key | pair.sourceKey, masks.lexicon | pair.sourceLexicon)
            }
            total += Self.value(sourceUnits[x].items, keyMask: masks.key, lexiconMask: masks.lexicon) - sourceUnits[x].expected[targetSpan]
        }
        for y in b {
            let masks = a.reduce(into: (key: UInt64(0), lexicon: UInt64(0))) { masks, x in
                let pair = pairMasks(x, y)
                masks = (masks.key | pair.targetKey, masks.lexicon | pair.targetLexicon)
            }
            total += Self.value(targetUnits[y].items, keyMask: masks.key, lexiconMask: masks.lexicon) - targetUnits[y].expected[sourceSpan]
        }
        return Double(total)
    }

    @inline(__always) static func value(_ items: [ScoredItem], keyMask: UInt64, lexiconMask: UInt64) -> Float {
        var total: Float = 0
        var bits = keyMask
        while bits != 0 {
            total += items[bits.trailingZeroBitCount].keyValue
            bits &= bits - 1
        }
        bits = lexiconMask & ~keyMask
        while bits != 0 {
            total += items[bits.trailingZeroBitCount].lexiconValue
            bits &= bits - 1
        }
        return total
    }

    @inline(__always) func pairMasks(_ x: Int, _ y: Int) -> PairMasks {
        if let value = table?.value(x, y) { return value }
        return computePair(x, y)
    }

    func computePair(_ x: Int, _ y: Int) -> PairMasks {
        var masks = PairMasks()
        let other = target[y]
        for (index, item) in sourceUnits[x].items.enumerated() {
            if item.key >= 0 && other.hasKey(item.key) {
                masks.sourceKey |= 1 << UInt64(index)
            } else if item.hasPartners && forward[Int(item.word)].contains(where: { other.hasWord($0.word) }) {
                masks.sourceLexicon |= 1 << UInt64(index)
            }
        }
        let this = source[x]
        for (index, item) in targetUnits[y].items.enumerated() {
            if item.key >= 0 && this.hasKey(item.key) {
                masks.targetKey |= 1 << UInt64(index)
            } else if item.hasPartners && backward[Int(item.word)].contains(where: { this.hasWord($0.word) }) {
                masks.targetLexicon |= 1 << UInt64(index)
            }
        }
        return masks
    }

    // MARK: Preparation

    /// A copy with the unit-pair match masks of every pair a bead in `band` can touch computed
    /// once (O(n · w) memory).
    package func prepared(for band: AlignmentBand) -> LexicalCostModel {
        var copy = self
        copy.table = nil
        copy.table = PairTable(model: copy, band: band, maxSource: Self.maximumSpan, maxTarget: Self.maximumSpan)
        return copy
    }

    /// Unit-pair masks for the rows of a band.
    struct PairTable: Sendable {
        var low: [Int]
        var width: [Int]
        var start: [Int]
        var values: [PairMasks]

        init(model: LexicalCostModel, band: AlignmentBand, maxSource: Int, maxTarget: Int) {
            let n = model.source.count
            let m = model.target.count
            low = [Int](repeating: 0, count: n)
            width = [Int](repeating: 0, count: n)
            start = [Int](repeating: 0, count: n + 1)
            for x in 0..<n {
                // Every column a bead touching row x can reach: beads start in rows
                // x - maxSource + 1 ... x and end in rows x + 1 ... x + maxSource.
                var first = m
                for row in max(0, x - maxSource + 1)...x { first = min(first, band.targetRange(row: row).lowerBound) }
                var reach = 0
                for row in (x + 1)...min(n, x + maxSource) { reach = max(reach, band.targetRange(row: row).upperBound) }
                let last = min(m - 1, max(reach - 1, band.targetRange(row: min(n, x + 1)).upperBound + maxTarget - 1))
                low[x] = first
                width[x] = max(0, last - first + 1)
                start[x + 1] = start[x] + width[x]
            }
            var masks = [PairMasks](repeating: PairMasks(), count: start[n])
            let scratch = PairScratch(model: model)
            let (rowLow, rowWidth, rowStart) = (low, width, start)
            masks.withUnsafeMutableBufferPointer { masks in
                guard let base = masks.baseAddress else { return }
                for x in 0..<n where rowWidth[x] > 0 {
                    scratch.mark(row: x, model: model)
                    scratch.masks(row: x, columns: rowLow[x]..<(rowLow[x] + rowWidth[x]), into: base + rowStart[x], model: model)
                    scratch.unmark(row: x, model: model)
                }
            }
            values = masks
            sourceSpans = []
            targetSpans = []
            if start[n] <= Self.maximumSpanCells { fillSpans(scratch) }
        }

        /// Spans of up to this many units of the other side have their terms stored.
        static let spans = 4
        /// Largest table (unit pairs) whose span terms are stored (4 × 2 × 4 bytes a pair).
        static let maximumSpanCells = 4_000_000

        /// Term of source unit x for target units y..<y+k, at `(start[x] + y - low[x]) * spans + k - 1`:
        /// its matched value minus its chance expectation, as ``evidence(source:target:)`` adds it
        /// (NaN when a pair lies outside the table).
        var sourceSpans: [Float]
        /// Term of target unit y for source units x..<x+k, at `(start[x] + y - low[x]) * spans + k - 1`.
        var targetSpans: [Float]

        private mutating func fillSpans(_ scratch: PairScratch) {
            let n = low.count
            let k = Self.spans
            let spanCount = LexicalCostModel.maximumSpan
            var sourceTerms = [Float](repeating: .nan, count: start[n] * k)
            var targetTerms = [Float](repeating: .nan, count: start[n] * k)
            low.withUnsafeBufferPointer { low in
            width.withUnsafeBufferPointer { width in
            start.withUnsafeBufferPointer { start in
            values.withUnsafeBufferPointer { values in
            sourceTerms.withUnsafeMutableBufferPointer { sourceTerms in
            targetTerms.withUnsafeMutableBufferPointer { targetTerms in
            scratch.sourceItemStart.withUnsafeBufferPointer { sourceItemStart in
            scratch.sourceKeyValue.withUnsafeBufferPointer { sourceKeyValue in
            scratch.sourceLexiconValue.withUnsafeBufferPointer { sourceLexiconValue in
            scratch.sourceExpected.withUnsafeBufferPointer { sourceExpected in
            scratch.targetKeyValue.withUnsafeBufferPointer { targetKeyValue in
            scratch.targetLexiconValue.withUnsafeBufferPointer { targetLexiconValue in
            scratch.targetExpected.withUnsafeBufferPointer { targetExpected in
            scratch.targetItemStartBuffer { targetItemStart in
                for x in 0..<n where width[x] > 0 {
                    let base = sourceItemStart[x]
                    for offset in 0..<width[x] {
                        var keyMask: UInt64 = 0
                        var lexiconMask: UInt64 = 0
                        for span in 1...k where offset + span <= width[x] {
                            let masks = values[start[x] + offset + span - 1]
                            keyMask |= masks.sourceKey
                            lexiconMask |= masks.sourceLexicon
                            sourceTerms[(start[x] + offset) * k + span - 1] =
                                LexicalCostModel.value(keyValues: sourceKeyValue, lexiconValues: sourceLexiconValue, base: base,
                                                       keyMask: keyMask, lexiconMask: lexiconMask)
                                - sourceExpected[x * spanCount + span - 1]
                        }
                        let y = low[x] + offset
                        let targetBase = targetItemStart[y]
                        keyMask = 0
                        lexiconMask = 0
                        for span in 1...k where x + span <= n {
                            // The pair (x + span - 1, y), if the table holds it.
                            let row = x + span - 1
                            let rowOffset = y - low[row]
                            guard rowOffset >= 0 && rowOffset < width[row] else { break }
                            let masks = values[start[row] + rowOffset]
                            keyMask |= masks.targetKey
                            lexiconMask |= masks.targetLexicon
                            targetTerms[(start[x] + offset) * k + span - 1] =
                                LexicalCostModel.value(keyValues: targetKeyValue, lexiconValues: targetLexiconValue,
                                                       base: targetBase, keyMask: keyMask, lexiconMask: lexiconMask)
                                - targetExpected[y * spanCount + span - 1]
                        }
                    }
                }
            }}}}}}}}}}}}}}
            sourceSpans = sourceTerms
            targetSpans = targetTerms
        }

        /// The evidence of a bead of at most ``spans`` units a side from the stored terms, summed
        /// in the same order as ``evidence(source:target:)`` (so bit-identical); nil when a term
        /// is missing.
        @inline(__always) func spanEvidence(source a: Range<Int>, target b: Range<Int>) -> Float? {
            let k = Self.spans
            guard a.count <= k, b.count <= k, !sourceSpans.isEmpty else { return nil }
            var total: Float = 0
            for x in a {
                let offset = b.lowerBound - low[x]
                guard offset >= 0 && offset < width[x] else { return nil }
                let term = sourceSpans[(start[x] + offset) * k + b.count - 1]
                guard !term.isNaN else { return nil }
                total += term
            }
            let x = a.lowerBound
            for y in b {
                let offset = y - low[x]
                guard offset >= 0 && offset < width[x] else { return nil }
                let term = targetSpans[(start[x] + offset) * k + a.count - 1]
                guard !term.isNaN else { return nil }
                total += term
            }
            return total
        }

        @inline(__always) func value(_ x: Int, _ y: Int) -> PairMasks? {
            let offset = y - low[x]
            guard offset >= 0 && offset < width[x] else { return nil }
            return values[start[x] + offset]
        }
    }
}

extension LexicalCostModel.Calibration {
    /// Measures the scale on the model's own units: the mean, over source units, of the best
    /// evidence of a unit of the target inside `window` (by default two units either side of the
    /// diagonal; ``DocumentAligner`` passes a narrow band around the anchor path).
    package static func measure(_ model: LexicalCostModel, window: AlignmentBand? = nil) -> LexicalCostModel.Calibration {
        let n = model.source.count
        let m = model.target.count
        guard n >= 8 && m >= 8 else { return fallback }
        let window = window ?? AlignmentBand(sourceCount: n, targetCount: m, halfWidth: 2)
        guard window.sourceCount == n, window.targetCount == m else { return fallback }
        var parallel = 0.0
        let step = max(1, n / 400)  // at most about 400 rows sampled
        var rows = 0
        guard step == 1 else {
            // A long document: a few hundred sampled rows, one evidence each.
            for x in stride(from: 0, to: n, by: step) {
                let range = window.targetRange(row: x)
                var best = -Double.infinity
                for y in min(range.lowerBound, m - 1)...min(range.upperBound, m - 1) {
                    best = max(best, model.evidence(source: x..<(x + 1), target: y..<(y + 1)))
                }
                parallel += best
                rows += 1
            }
            return .init(scale: parallel / Double(max(1, rows)))
        }
        // Every row: the masks of each row with its window come from a PairScratch keeping every
        // item's key bit (one read per target token instead of binary searches, the same masks as
        // computePair), and the evidence is summed as ``evidence(source:target:)`` sums it.
        let scratch = LexicalCostModel.PairScratch(model: model, exactKeys: true)
        var masks = [LexicalCostModel.PairMasks](repeating: LexicalCostModel.PairMasks(), count: m)
        masks.withUnsafeMutableBufferPointer { masks in
        scratch.sourceKeyValue.withUnsafeBufferPointer { sourceKeyValue in
        scratch.sourceLexiconValue.withUnsafeBufferPointer { sourceLexiconValue in
        scratch.targetKeyValue.withUnsafeBufferPointer { targetKeyValue in
        scratch.targetLexiconValue.withUnsafeBufferPointer { targetLexiconValue in
        scratch.targetItemStartBuffer { targetItemStart in
            guard let buffer = masks.baseAddress else { return }
            let spans = LexicalCostModel.maximumSpan
            for x in stride(from: 0, to: n, by: step) {
                let range = window.targetRange(row: x)
                let low = min(range.lowerBound, m - 1)
                let high = min(range.upperBound, m - 1)
                scratch.mark(row: x, model: model)
                scratch.masks(row: x, columns: low..<(high + 1), into: buffer, model: model)
                scratch.unmark(row: x, model: model)
                var best = -Double.infinity
                for y in low...high {
                    let pair = masks[y - low]
                    var total: Float = 0
                    total += LexicalCostModel.value(keyValues: sourceKeyValue, lexiconValues: sourceLexiconValue,
                                                    base: scratch.sourceItemStart[x], keyMask: pair.sourceKey,
                                                    lexiconMask: pair.sourceLexicon)
                        - scratch.sourceExpected[x * spans]
                    total += LexicalCostModel.value(keyValues: targetKeyValue, lexiconValues: targetLexiconValue,
                                                    base: targetItemStart[y], keyMask: pair.targetKey,
                                                    lexiconMask: pair.targetLexicon)
                        - scratch.targetExpected[y * spans]
                    best = max(best, Double(total))
                }
                parallel += best
                rows += 1
            }
        }}}}}}
        return .init(scale: parallel / Double(max(1, rows)))
    }

    /// Measures the scale on pairs believed parallel (e.g. the confident 1-1 beads of a first
    /// pass); with fewer than 10 pairs, as ``measure(_:)``.
    package static func measure(_ model: LexicalCostModel, parallelPairs: [(source: Int, target: Int)]) -> LexicalCostModel.Calibration {
        guard parallelPairs.count >= 10 else { return measure(model) }
        let mean = parallelPairs.reduce(0.0) {
            $0 + model.evidence(source: $1.source..<($1.source + 1), target: $1.target..<($1.target + 1))
        } / Double(parallelPairs.count)
        return .init(scale: mean)
    }
}

extension LexicalCostModel {
    /// The model for a slice of the units (the sentences of one paragraph pair), sharing
    /// lexicon, length statistics, calibration and the document-wide chance estimates.
    package func restricted(source a: Range<Int>, target b: Range<Int>) -> LexicalCostModel {
        LexicalCostModel(copying: self, source: Array(source[a]), target: Array(target[b]),
                         sourceUnits: Array(sourceUnits[a]), targetUnits: Array(targetUnits[b]))
    }

    /// The model whose units are groups of sentences (paragraphs). The calibration is measured on
    /// the groups when there are enough of them, else the sentence calibration times the mean
    /// number of sentences per paragraph is used.
    package func grouped(source a: [Range<Int>], target b: [Range<Int>]) -> LexicalCostModel {
        let groupedSource = a.map { SentenceFeatures.merged(source[$0]) }
        let groupedTarget = b.map { SentenceFeatures.merged(target[$0]) }
        // Chance of a match in a paragraph: from the sentence-level frequencies, over the mean
        // number of sentences of a paragraph of the other side (paragraph frequencies are too
        // coarse with a handful of paragraphs).
        let sourceUnits = Self.scoredUnits(groupedSource, other: target, links: forward,
                                           otherUnitsPerSpan: Float(target.count) / Float(max(1, b.count)))
        let targetUnits = Self.scoredUnits(groupedTarget, other: source, links: backward,
                                           otherUnitsPerSpan: Float(source.count) / Float(max(1, a.count)))
        var model = LexicalCostModel(copying: self, source: groupedSource, target: groupedTarget,
                                     sourceUnits: sourceUnits, targetUnits: targetUnits)
        if groupedSource.count >= 8 && groupedTarget.count >= 8 {
            model.calibration = .measure(model)
        } else {
            let perParagraph = Double(source.count + target.count) / Double(max(1, a.count + b.count))
            model.calibration = Calibration(scale: calibration.scale * perParagraph)
        }
        return model
    }
}
