import Testing
import TesseraTestSupport
@testable import TesseraAlignment

struct SentenceFeaturesTests {
    /// Below and above the size where duplicates are found by scanning instead of hashing.
    @Test(arguments: [0, 5, SentenceFeatures.linearDeduplicationLimit, SentenceFeatures.linearDeduplicationLimit + 1, 300])
    func init_keepsTheFirstItemOfEachKeyAndWord(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 1)
        let items = (0..<count).map { _ in
            SentenceFeatures.Item(key: Int32.random(in: -1..<12, using: &generator), word: Int32.random(in: -1..<12, using: &generator),
                                  weight: Float(Int.random(in: 1...4, using: &generator)) / 2)
        }
        let features = SentenceFeatures(length: 10, items: items)
        var seen = Set<[Int32]>()
        let first = items.filter { seen.insert([$0.key, $0.word]).inserted }
        #expect(features.items == first)
        #expect(features.sortedKeys == Array(Set(first.map(\.key).filter { $0 >= 0 })).sorted())
        #expect(features.sortedWords == Array(Set(first.map(\.word).filter { $0 >= 0 })).sorted())
        #expect(features.totalWeight == first.reduce(0) { $0 + $1.weight })
    }
}
