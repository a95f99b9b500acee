extension LexicalCostModel {
    /// What building a ``PairTable`` reads, in flat buffers: for every shared key, target word and
    /// source word, the target units that hold it in ascending order (with the bits of their
    /// scored items it matches), the item values and chance expectations of both sides, and the
    /// key bits of one marked source unit. The masks of a source unit with the target units of
    /// its row are then written by walking, for each of its tokens, the part of that token's list
    /// inside the row (found by binary search): the work follows the matches, not the
    /// `tokens × columns` of the row, and the result is that of testing every target token.
    ///
    /// - Complexity: O(total tokens + vocabulary) to build; per row, O(tokens · log(list length)
    ///   + matches + columns).
    final class PairScratch {
        /// A list per id of target units (ascending) with bits: `units[start[id] ..< start[id + 1]]`.
        struct Postings {
            let start: UnsafeMutablePointer<Int>
            let units: UnsafeMutablePointer<Int32>
            let bits: UnsafeMutablePointer<UInt64>
            let idLimit: Int

            /// Lists the `(id, unit, bits)` entries that `entries` hands to its argument, by id
            /// (a counting sort: `entries` is called twice, with units in ascending order).
            init(idLimit: Int, withBits: Bool, entries: ((Int32, Int32, UInt64) -> Void) -> Void) {
                self.idLimit = idLimit
                let start = UnsafeMutablePointer<Int>.allocate(capacity: idLimit + 1)
                start.initialize(repeating: 0, count: idLimit + 1)
                entries { id, _, _ in start[Int(id) + 1] += 1 }
                for id in 0..<idLimit { start[id + 1] += start[id] }
                let total = start[idLimit]
                let units = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, total))
                let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: withBits ? max(1, total) : 1)
                let next = UnsafeMutablePointer<Int>.allocate(capacity: max(1, idLimit))
                next.update(from: start, count: idLimit)
                entries { id, unit, bit in
                    let slot = next[Int(id)]
                    units[slot] = unit
                    if withBits { bits[slot] = bit }
                    next[Int(id)] = slot + 1
                }
                next.deallocate()
                self.start = start
                self.units = units
                self.bits = bits
            }

            func deallocate() {
                start.deallocate()
                units.deallocate()
                bits.deallocate()
            }

            /// The entries of `id` whose unit lies in `low ..< high`.
            @inline(__always) func entries(_ id: Int32, low: Int32, high: Int32) -> Range<Int> {
                guard id >= 0 && Int(id) < idLimit else { return 0..<0 }
                var first = start[Int(id)]
                var last = start[Int(id) + 1]
                let end = last
                while first < last {
                    let middle = (first + last) >> 1
                    if units[middle] < low { first = middle + 1 } else { last = middle }
                }
                var stop = first
                while stop < end && units[stop] < high { stop += 1 }
                return first..<stop
            }
        }

        /// Bits of the marked unit's items by key. The pair table keeps one bit per key (the last
        /// item with it, as it always has: its bead costs, and so its beads, stay the same);
        /// `exactKeys` keeps every item's bit, the result of ``computePair(_:_:)``.
        private let keyBits: UnsafeMutablePointer<UInt64>
        private let exactKeys: Bool
        private let keyLimit: Int
        /// By key: the target units holding it.
        private let keyUnits: Postings
        /// By key: the target units with a scored item of that key, and those items' bits.
        private let keyItems: Postings
        /// By target word: the target units holding it.
        private let wordUnits: Postings
        /// By source word: the target units with a scored item linked to it in the lexicon, and
        /// those items' bits.
        private let linkItems: Postings
        /// Items of target unit y: `targetItemStart[y] ..< targetItemStart[y + 1]`; the same ranges
        /// index `targetKeyValue` and `targetLexiconValue`.
        private let targetItemStart: [Int]
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
            for links in model.backward {
                for link in links { sourceWordLimit = max(sourceWordLimit, Int(link.word) + 1) }
            }
            self.keyLimit = keyLimit
            keyBits = .allocate(capacity: max(1, keyLimit))
            keyBits.initialize(repeating: 0, count: max(1, keyLimit))

            let targetFeatures = model.target
            let targetUnits = model.targetUnits
            let backward = model.backward
            keyUnits = Postings(idLimit: keyLimit, withBits: false) { add in
                for (y, unit) in targetFeatures.enumerated() {
                    for key in unit.sortedKeys { add(key, Int32(y), 0) }
                }
            }
            keyItems = Postings(idLimit: keyLimit, withBits: true) { add in
                for (y, unit) in targetUnits.enumerated() {
                    for (bit, item) in unit.items.enumerated() where item.key >= 0 { add(item.key, Int32(y), 1 << UInt64(bit)) }
                }
            }
            wordUnits = Postings(idLimit: targetWordLimit, withBits: false) { add in
                for (y, unit) in targetFeatures.enumerated() {
                    for word in unit.sortedWords { add(word, Int32(y), 0) }
                }
            }
            linkItems = Postings(idLimit: sourceWordLimit, withBits: true) { add in
                for (y, unit) in targetUnits.enumerated() {
                    for (bit, item) in unit.items.enumerated() where item.hasPartners {
                        for link in backward[Int(item.word)] { add(link.word, Int32(y), 1 << UInt64(bit)) }
                    }
                }
            }

            func flatten(_ units: [ScoredUnit]) -> (start: [Int], keyValue: [Float], lexiconValue: [Float], expected: [Float]) {
                let itemCount = units.reduce(0) { $0 + $1.items.count }
                var start = [0]
                start.reserveCapacity(units.count + 1)
                var keyValue: [Float] = []
                keyValue.reserveCapacity(itemCount)
                var lexiconValue: [Float] = []
                lexiconValue.reserveCapacity(itemCount)
                var expected: [Float] = []
                expected.reserveCapacity(units.count * LexicalCostModel.maximumSpan)
                for unit in units {
                    for item in unit.items {
                        keyValue.append(item.keyValue)
                        lexiconValue.append(item.lexiconValue)
                    }
                    start.append(keyValue.count)
                    for k in 0..<LexicalCostModel.maximumSpan { expected.append(k < unit.expected.count ? unit.expected[k] : 0) }
                }
                return (start, keyValue, lexiconValue, expected)
            }
            let target = flatten(model.targetUnits)
            targetItemStart = target.start
            targetKeyValue = target.keyValue
            targetLexiconValue = target.lexiconValue
            targetExpected = target.expected
            let source = flatten(model.sourceUnits)
            sourceItemStart = source.start
            sourceKeyValue = source.keyValue
            sourceLexiconValue = source.lexiconValue
            sourceExpected = source.expected
        }

        deinit {
            keyBits.deallocate()
            keyUnits.deallocate()
            keyItems.deallocate()
            wordUnits.deallocate()
            linkItems.deallocate()
        }

        /// Marks source unit `x`: its items' bits by key.
        func mark(row x: Int, model: LexicalCostModel) {
            for (bit, item) in model.sourceUnits[x].items.enumerated() where item.key >= 0 {
                if exactKeys {
                    keyBits[Int(item.key)] |= 1 << UInt64(bit)
                } else {
                    keyBits[Int(item.key)] = 1 << UInt64(bit)
                }
            }
        }

        /// Clears the marks of source unit `x`.
        func unmark(row x: Int, model: LexicalCostModel) {
            for item in model.sourceUnits[x].items where item.key >= 0 { keyBits[Int(item.key)] = 0 }
        }

        /// The masks of the marked source unit `x` with target units `columns`, into `out`:
        /// - source key bits: each item's key bits where the target unit holds its key;
        /// - source lexicon bits: each item with partners where the target unit holds a partner;
        /// - target key bits: the target unit's items whose key unit `x` holds;
        /// - target lexicon bits: its items linked to a word of unit `x`;
        /// lexicon bits of items matched by key are cleared.
        func masks(row x: Int, columns: Range<Int>, into out: UnsafeMutablePointer<PairMasks>, model: LexicalCostModel) {
            out.update(repeating: PairMasks(), count: columns.count)
            let low = Int32(columns.lowerBound)
            let high = Int32(columns.upperBound)
            let items = model.sourceUnits[x].items
            for (bit, item) in items.enumerated() {
                if item.key >= 0 {
                    let key = keyBits[Int(item.key)]
                    for entry in keyUnits.entries(item.key, low: low, high: high) {
                        out[Int(keyUnits.units[entry] - low)].sourceKey |= key
                    }
                }
                if item.hasPartners {
                    for link in model.forward[Int(item.word)] {
                        for entry in wordUnits.entries(link.word, low: low, high: high) {
                            out[Int(wordUnits.units[entry] - low)].sourceLexicon |= 1 << UInt64(bit)
                        }
                    }
                }
            }
            for key in model.source[x].sortedKeys {
                for entry in keyItems.entries(key, low: low, high: high) {
                    out[Int(keyItems.units[entry] - low)].targetKey |= keyItems.bits[entry]
                }
            }
            for word in model.source[x].sortedWords {
                for entry in linkItems.entries(word, low: low, high: high) {
                    out[Int(linkItems.units[entry] - low)].targetLexicon |= linkItems.bits[entry]
                }
            }
            for c in 0..<columns.count {
                out[c].sourceLexicon &= ~out[c].sourceKey
                out[c].targetLexicon &= ~out[c].targetKey
            }
        }

        /// Calls `body` with the start of each target unit's items (and the end of the last).
        func targetItemStartBuffer<R>(_ body: (UnsafeBufferPointer<Int>) -> R) -> R {
            targetItemStart.withUnsafeBufferPointer(body)
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
