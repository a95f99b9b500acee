import Foundation

/// What the lexical cost model knows about one sentence (or paragraph): its length and the
/// distinct tokens that can find a partner on the other side.
///
/// Each distinct token is an ``Item`` with a *shared key* (identical on both sides when the
/// tokens are evidence of each other: the same number, the same 4-letter cognate prefix, the same
/// question mark or quote) and a *word id* in its side's vocabulary, which a
/// ``BilingualLexicon`` links to words of the other side.
package struct SentenceFeatures: Sendable, Hashable {
    /// One distinct token of the sentence.
    package struct Item: Sendable, Hashable {
        /// Key shared by both sides (`-1` if the token has none).
        package var key: Int32
        /// Id of the word in its side's vocabulary (`-1` for punctuation).
        package var word: Int32
        /// How much a match of this token counts (numbers more than words, punctuation less).
        package var weight: Float
    }

    /// Characters other than white space (the Gale-Church length).
    package var length: Int
    /// The distinct tokens.
    package var items: [Item]
    /// The shared keys, sorted, for binary search.
    package var sortedKeys: [Int32]
    /// The word ids, sorted, for binary search.
    package var sortedWords: [Int32]
    /// Sum of the item weights.
    package var totalWeight: Float

    /// Creates features from items (duplicates by key and word are merged).
    package init(length: Int, items: [Item]) {
        var unique: [Item] = []
        unique.reserveCapacity(items.count)
        if items.count <= Self.linearDeduplicationLimit {
            // A sentence's few dozen tokens: a scan is faster than hashing each one.
            for item in items where !unique.contains(where: { $0.key == item.key && $0.word == item.word }) {
                unique.append(item)
            }
        } else {
            var seen = Set<Item>()
            unique = items.filter { seen.insert(Item(key: $0.key, word: $0.word, weight: 0)).inserted }
        }
        self.length = length
        self.items = unique
        self.sortedKeys = Self.sortedDistinct(unique.compactMap { $0.key >= 0 ? $0.key : nil })
        self.sortedWords = Self.sortedDistinct(unique.compactMap { $0.word >= 0 ? $0.word : nil })
        self.totalWeight = unique.reduce(0) { $0 + $1.weight }
    }

    /// Up to this many tokens, duplicates are found by scanning rather than hashing.
    static let linearDeduplicationLimit = 64

    /// The values sorted, each once.
    static func sortedDistinct(_ values: [Int32]) -> [Int32] {
        var sorted = values.sorted()
        var kept = 0
        for value in sorted where kept == 0 || sorted[kept - 1] != value {
            sorted[kept] = value
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The features of several consecutive units read as one (a paragraph from its sentences).
    package static func merged(_ parts: some Sequence<SentenceFeatures>) -> SentenceFeatures {
        var length = 0
        var items: [Item] = []
        for part in parts {
            length += part.length
            items += part.items
        }
        return SentenceFeatures(length: length, items: items)
    }

    /// Whether the shared key occurs.
    @inline(__always) func hasKey(_ key: Int32) -> Bool { sortedKeys.binaryContains(key) }
    /// Whether the word occurs.
    @inline(__always) func hasWord(_ word: Int32) -> Bool { sortedWords.binaryContains(word) }
}

extension Array where Element == Int32 {
    /// Binary search in a sorted array.
    @inline(__always) func binaryContains(_ value: Int32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            let element = self[middle]
            if element == value { return true }
            if element < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
