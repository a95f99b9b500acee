extension LexicalCostModel {
    /// What building a ``PairTable`` reads for every unit pair, in flat buffers: the keys, words
    /// and scored items of every target unit, the lexicon links of every target word, the item
    /// values and chance expectations of both sides, and the marks of one source unit indexed by
    /// key and word id. The masks of a source unit with each target unit of its row then cost one
    /// buffer read per target token (the same result as ``computePair(_:_:)``), with no array
    /// copy, bounds check or reference count in the loops.
    ///
    /// - Complexity: O(total tokens + vocabulary) to build; O(tokens of the two units) per pair.
    final class PairScratch {
        /// Bits of the marked unit's items by key. The pair table keeps one bit per key (the last
        /// item with it, as it always has: its bead costs, and so its beads, stay the same);
        /// `exactKeys` keeps every item's bit, the result of ``computePair(_:_:)``.
        private let keyBits: UnsafeMutablePointer<UInt64>
        private let exactKeys: Bool
        private let keyPresent: UnsafeMutablePointer<Bool>
        private let partnerMask: UnsafeMutablePointer<UInt64>
        private let sourceWordPresent: UnsafeMutablePointer<Bool>
        private let keyLimit: Int
        private let sourceWordLimit: Int
        private let targetWordLimit: Int
        private let targetKeyStart: [Int]
        private let targetKeys: [Int32]
        private let targetWordStart: [Int]
        private let targetWords: [Int32]
        /// Items of target unit y: `targetItemStart[y] ..< targetItemStart[y + 1]`; the same ranges
        /// index `targetKeyValue` and `targetLexiconValue`.
        private let targetItemStart: [Int]
        private let targetItemKey: [Int32]
        /// The item's word when it has lexicon partners, else -1.
        private let targetItemPartnerWord: [Int32]
        private let backwardStart: [Int]
        private let backwardWord: [Int32]
        /// Item values of source unit x: `sourceItemStart[x] ..< sourceItemStart[x + 1]`.
        let sourceItemStart: [Int]
        let sourceKeyValue: [Float]
        let sourceLexiconValue: [Float]
        let targetKeyValue: [Float]
        let targetLexiconValue: [Float]
        /// Chance expectation of unit u for spans 1...maximumSpan at `u * maximumSpan + k - 1`.
        let sourceExpected: [Float]
        let targetExpected: [Float]

        init(model: LexicalCostModel, exactKeys: Bool = false) {
            self.exactKeys = exactKeys
            var keyLimit = 0
            var sourceWordLimit = model.forward.count
            var targetWordLimit = model.backward.count
            for unit in model.source {
                keyLimit = max(keyLimit, Int(unit.sortedKeys.last ?? -1) + 1)
                sourceWordLimit = max(sourceWordLimit, Int(unit.sortedWords.last ?? -1) + 1)
            }
            for unit in model.target {
                keyLimit = max(keyLimit, Int(unit.sortedKeys.last ?? -1) + 1)
                targetWordLimit = max(targetWordLimit, Int(unit.sortedWords.last ?? -1) + 1)
            }
            self.keyLimit = keyLimit
            self.sourceWordLimit = sourceWordLimit
            self.targetWordLimit = targetWordLimit
            keyBits = .allocate(capacity: max(1, keyLimit))
            keyBits.initialize(repeating: 0, count: max(1, keyLimit))
            keyPresent = .allocate(capacity: max(1, keyLimit))
            keyPresent.initialize(repeating: false, count: max(1, keyLimit))
            partnerMask = .allocate(capacity: max(1, targetWordLimit))
            partnerMask.initialize(repeating: 0, count: max(1, targetWordLimit))
            sourceWordPresent = .allocate(capacity: max(1, sourceWordLimit))
            sourceWordPresent.initialize(repeating: false, count: max(1, sourceWordLimit))

            var keyStart = [0]
            var keys: [Int32] = []
            var wordStart = [0]
            var words: [Int32] = []
            for unit in model.target {
                keys += unit.sortedKeys
                keyStart.append(keys.count)
                words += unit.sortedWords
                wordStart.append(words.count)
            }
            targetKeyStart = keyStart
            targetKeys = keys
            targetWordStart = wordStart
            targetWords = words

            func flatten(_ units: [ScoredUnit]) -> (start: [Int], key: [Int32], partnerWord: [Int32], keyValue: [Float],
                                                    lexiconValue: [Float], expected: [Float]) {
                var start = [0]
                var key: [Int32] = []
                var partnerWord: [Int32] = []
                var keyValue: [Float] = []
                var lexiconValue: [Float] = []
                var expected: [Float] = []
                for unit in units {
                    for item in unit.items {
                        key.append(item.key)
                        partnerWord.append(item.hasPartners ? item.word : -1)
                        keyValue.append(item.keyValue)
                        lexiconValue.append(item.lexiconValue)
                    }
                    start.append(key.count)
                    for k in 0..<LexicalCostModel.maximumSpan { expected.append(k < unit.expected.count ? unit.expected[k] : 0) }
                }
                return (start, key, partnerWord, keyValue, lexiconValue, expected)
            }
            let target = flatten(model.targetUnits)
            targetItemStart = target.start
            targetItemKey = target.key
            targetItemPartnerWord = target.partnerWord
            targetKeyValue = target.keyValue
            targetLexiconValue = target.lexiconValue
            targetExpected = target.expected
            let source = flatten(model.sourceUnits)
            sourceItemStart = source.start
            sourceKeyValue = source.keyValue
            sourceLexiconValue = source.lexiconValue
            sourceExpected = source.expected

            var linkStart = [0]
            var linkWord: [Int32] = []
            for links in model.backward {
                for link in links { linkWord.append(link.word) }
                linkStart.append(linkWord.count)
            }
            backwardStart = linkStart
            backwardWord = linkWord
        }

        deinit {
            keyBits.deallocate()
            keyPresent.deallocate()
            partnerMask.deallocate()
            sourceWordPresent.deallocate()
        }

        /// Marks source unit `x`: its items' bits by key, the bits of its items' lexicon partners
        /// by target word, its keys and its words.
        func mark(row x: Int, model: LexicalCostModel) {
            for (bit, item) in model.sourceUnits[x].items.enumerated() {
                if item.key >= 0 {
                    if exactKeys {
                        keyBits[Int(item.key)] |= 1 << UInt64(bit)
                    } else {
                        keyBits[Int(item.key)] = 1 << UInt64(bit)
                    }
                }
                if item.hasPartners {
                    for link in model.forward[Int(item.word)] { partnerMask[Int(link.word)] |= 1 << UInt64(bit) }
                }
            }
            for key in model.source[x].sortedKeys { keyPresent[Int(key)] = true }
            for word in model.source[x].sortedWords { sourceWordPresent[Int(word)] = true }
        }

        /// Clears the marks of source unit `x`.
        func unmark(row x: Int, model: LexicalCostModel) {
            for item in model.sourceUnits[x].items {
                if item.key >= 0 { keyBits[Int(item.key)] = 0 }
                if item.hasPartners {
                    for link in model.forward[Int(item.word)] { partnerMask[Int(link.word)] = 0 }
                }
            }
            for key in model.source[x].sortedKeys { keyPresent[Int(key)] = false }
            for word in model.source[x].sortedWords { sourceWordPresent[Int(word)] = false }
        }

        /// Calls `body` with the start of each target unit's items (and the end of the last).
        func targetItemStartBuffer<R>(_ body: (UnsafeBufferPointer<Int>) -> R) -> R {
            targetItemStart.withUnsafeBufferPointer(body)
        }

        /// The masks of the marked source unit with target units `columns`, into `out`.
        func masks(columns: Range<Int>, into out: UnsafeMutablePointer<PairMasks>) {
            targetKeyStart.withUnsafeBufferPointer { keyStart in
            targetKeys.withUnsafeBufferPointer { keys in
            targetWordStart.withUnsafeBufferPointer { wordStart in
            targetWords.withUnsafeBufferPointer { words in
            targetItemStart.withUnsafeBufferPointer { itemStart in
            targetItemKey.withUnsafeBufferPointer { itemKey in
            targetItemPartnerWord.withUnsafeBufferPointer { itemPartnerWord in
            backwardStart.withUnsafeBufferPointer { linkStart in
            backwardWord.withUnsafeBufferPointer { linkWord in
                for y in columns {
                    var masks = PairMasks()
                    for k in keyStart[y]..<keyStart[y + 1] { masks.sourceKey |= keyBits[Int(keys[k])] }
                    for k in wordStart[y]..<wordStart[y + 1] { masks.sourceLexicon |= partnerMask[Int(words[k])] }
                    masks.sourceLexicon &= ~masks.sourceKey
                    let first = itemStart[y]
                    for k in first..<itemStart[y + 1] {
                        let key = itemKey[k]
                        if key >= 0 && keyPresent[Int(key)] {
                            masks.targetKey |= 1 << UInt64(k - first)
                        } else {
                            let word = Int(itemPartnerWord[k])
                            guard word >= 0 else { continue }
                            for l in linkStart[word]..<linkStart[word + 1] where sourceWordPresent[Int(linkWord[l])] {
                                masks.targetLexicon |= 1 << UInt64(k - first)
                                break
                            }
                        }
                    }
                    out[y - columns.lowerBound] = masks
                }
            }}}}}}}}}
        }
    }

    /// ``value(_:keyMask:lexiconMask:)`` on flat item values starting at `base`: the same sum in
    /// the same order.
    @inline(__always) static func value(keyValues: UnsafeBufferPointer<Float>, lexiconValues: UnsafeBufferPointer<Float>,
                                        base: Int, keyMask: UInt64, lexiconMask: UInt64) -> Float {
        var total: Float = 0
        var bits = keyMask
        while bits != 0 {
            total += keyValues[base + bits.trailingZeroBitCount]
            bits &= bits - 1
        }
        bits = lexiconMask & ~keyMask
        while bits != 0 {
            total += lexiconValues[base + bits.trailingZeroBitCount]
            bits &= bits - 1
        }
        return total
    }
}
