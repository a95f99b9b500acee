import Testing
@testable import TesseraSQLite
@testable import TesseraStorage

/// The Bloom filter of a bulk batch: never a false negative, few false positives.
struct BatchKeyFilterTests {
    /// Keys spread like content hashes: FNV-1a of distinct strings.
    static func keys(_ range: Range<Int>) -> [Int64] {
        range.map { ContentHash.of([VariantPair(language: "en", markup: "unit \($0)")]) }
    }

    @Test func mayContain_isTrueForEveryInsertedKey() {
        var filter = BatchKeyFilter()
        let inserted = Self.keys(0..<50_000)
        for key in inserted { filter.insert(key) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
    }

    @Test func mayContain_isRarelyTrueForOtherKeys() {
        var filter = BatchKeyFilter()
        for key in Self.keys(0..<200_000) { filter.insert(key) }
        let others = Self.keys(200_000..<300_000)
        let falsePositives = others.filter { filter.mayContain($0) }.count
        // Two probes into 2^26 bits holding 400k set bits at most: about 0.004 % expected.
        #expect(falsePositives < others.count / 1000)
        #expect(!BatchKeyFilter().mayContain(others[0]))
    }
}
