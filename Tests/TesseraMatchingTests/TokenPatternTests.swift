import Testing
import TesseraTestSupport
import TesseraText
@testable import TesseraMatching

struct TokenPatternTests {
    @Test(arguments: [
        ([1, 2, 3], [1, 2, 3], 0),
        ([1, 2, 3], [1, 3], 1),
        ([1, 2, 3], [3, 2, 1], 2),
        ([1, 2, 3], [2, 1, 3], 1),  // one swap
        ([1, 2, 3, 4], [1, 3, 2, 4], 1),
        ([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], 3),
        ([3, 1], [1, 2, 3], 3),  // restricted: the swapped pair is not edited again
        ([7], [8, 9, 10], 3),
        ([1, 1, 1, 2], [1, 2, 2, 2], 2),
        ([5, 6, 7, 8], [], 4),
    ] as [([UInt32], [UInt32], Int)])
    func distance_countsInsertionsDeletionsSubstitutionsAndSwaps(query: [UInt32], text: [UInt32], expected: Int) throws {
        let pattern = try #require(TokenPattern(query))
        #expect(pattern.distance(to: text, limit: 100) == expected)
        #expect(pattern.distance(to: text, limit: expected) == expected)
        if expected > 0 { #expect(pattern.distance(to: text, limit: expected - 1) == nil) }
    }

    @Test(arguments: [0, 65, 200])
    func init_refusesEmptyAndLongQueries(length: Int) {
        #expect(TokenPattern((0..<length).map { UInt32($0) }) == nil)
    }

    /// Seeded random pairs over small alphabets (many repeats), lengths up to the 64-token word,
    /// token ids spread over the whole range (hash collisions in the table), and the ids that stand
    /// for unknown query words, edits that include swaps of neighbours: the result is the
    /// dynamic-programming distance at every limit: `TokenPattern` is the bit-parallel form of the
    /// one generic ``EditDistance`` (with transpositions), never a second rule.
    @Test(arguments: [(3 as UInt64, 4), (4, 2), (5, 30)])
    func distance_agreesWithTheDynamicProgramme(seed: UInt64, alphabet: Int) throws {
        var generator = SeededGenerator(seed: seed)
        let symbols = (0..<alphabet).map { _ in UInt32.random(in: 0..<(UInt32.max - (1 << 21)), using: &generator) }
        var compared = 0
        for _ in 0..<400 {
            var query = (0..<Int.random(in: 1...64, using: &generator)).map { _ in symbols.randomElement(using: &generator)! }
            var text = Bool.random(using: &generator) ? query : []
            // An unknown word of the query (never in a stored text).
            if Bool.random(using: &generator) { query[Int.random(in: 0..<query.count, using: &generator)] = UInt32.max - 1 }
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let edit = Int.random(in: 0..<4, using: &generator)
                let symbol = symbols.randomElement(using: &generator)!
                if edit == 3, text.count > 1 {
                    let at = Int.random(in: 0..<text.count - 1, using: &generator)
                    text.swapAt(at, at + 1)
                } else if edit == 0 || text.isEmpty {
                    text.insert(symbol, at: Int.random(in: 0...text.count, using: &generator))
                } else if edit == 1 {
                    text.remove(at: Int.random(in: 0..<text.count, using: &generator))
                } else {
                    text[Int.random(in: 0..<text.count, using: &generator)] = symbol
                }
            }
            let pattern = try #require(TokenPattern(query))
            let full = try #require(EditDistance.distance(query, text))
            for limit in [0, 1, 2, full - 1, full, full + 3] where limit >= 0 {
                #expect(pattern.distance(to: text, limit: limit) == (full <= limit ? full : nil), "\(query) \(text) \(limit)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }
}
