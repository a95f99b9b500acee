/// The 64-bit content hash of a unit used to find duplicates: FNV-1a over the sorted
/// `(language, markup)` pairs of its variants, so the order of variants does not matter.
///
/// Swift's `Hasher` is seeded per process and cannot be stored; FNV-1a is stable. A hash match is
/// always verified against the stored variants, so a collision never merges different units.
///
/// - Complexity: O(*n* log *n*) in the number of variants plus O(total markup length).
/// - SeeAlso: [FNV hash](http://www.isthe.com/chongo/tech/comp/fnv/)
package enum ContentHash {
    /// FNV-1a 64-bit offset basis.
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64-bit prime.
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of variant pairs, as the signed value SQLite stores.
    package static func of(_ pairs: [VariantPair]) -> Int64 {
        var hash = offsetBasis
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        for pair in pairs.sorted() {
            for byte in pair.language.utf8 { mix(byte) }
            mix(0x1F)
            for byte in pair.markup.utf8 { mix(byte) }
            mix(0x1E)
        }
        return Int64(bitPattern: hash)
    }
}

/// A variant's language and markup: what makes two units duplicates of each other.
package struct VariantPair: Hashable, Comparable {
    /// The canonical language tag.
    package var language: String
    /// The level-2 markup of the segment.
    package var markup: String

    /// Creates a pair.
    package init(language: String, markup: String) {
        self.language = language
        self.markup = markup
    }

    package static func < (lhs: VariantPair, rhs: VariantPair) -> Bool {
        (lhs.language, lhs.markup) < (rhs.language, rhs.markup)
    }
}
