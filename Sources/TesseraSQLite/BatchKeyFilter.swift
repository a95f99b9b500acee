/// A fixed-size Bloom filter of the duplicate keys (``DuplicateKey``) written by a batch into
/// an empty memory: when a key was never written, no stored unit can match it and the SQL look-up
/// is skipped. A "maybe" is always checked in SQL, so a false positive only costs a query.
///
/// 2^26 bits (8 MiB) whatever the batch size, two probes per key: about 0.4 % false positives
/// after two million keys (two million units).
///
/// - Complexity: O(1) per insertion and test; memory O(1) in the batch size.
/// - SeeAlso: [Bloom filter](https://en.wikipedia.org/wiki/Bloom_filter)
struct BatchKeyFilter {
    private static let bitCount = 1 << 26
    private var words = [UInt64](repeating: 0, count: bitCount / 64)

    /// The two bit positions of a key: two independent slices of its 64 bits.
    private static func positions(_ key: Int64) -> (Int, Int) {
        let bits = UInt64(bitPattern: key)
        let mask = UInt64(bitCount - 1)
        return (Int(bits & mask), Int((bits >> 32 ^ bits >> 7) & mask))
    }

    /// Records a key.
    mutating func insert(_ key: Int64) {
        let (first, second) = Self.positions(key)
        words[first >> 6] |= 1 << UInt64(first & 63)
        words[second >> 6] |= 1 << UInt64(second & 63)
    }

    /// `false` when the key was certainly never inserted.
    func mayContain(_ key: Int64) -> Bool {
        let (first, second) = Self.positions(key)
        return words[first >> 6] & (1 << UInt64(first & 63)) != 0
            && words[second >> 6] & (1 << UInt64(second & 63)) != 0
    }
}
