import Testing
import TesseraTestSupport
@testable import TesseraMatching

struct EditDistanceTests {
    @Test(arguments: [
        ("kitten", "sitting", 3),
        ("hond", "hand", 1),
        ("", "abc", 3),
        ("abc", "", 3),
        ("", "", 0),
        ("flaw", "lawn", 2),
        ("same", "same", 0),
    ])
    func distance_countsInsertionsDeletionsSubstitutions(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(Array(a.utf16), Array(b.utf16)) == expected)
        #expect(EditDistance.distance(Array(b.utf16), Array(a.utf16)) == expected)
    }

    @Test(arguments: [("kitten", "sitting", 2), ("abcdef", "abc", 2), ("hond", "hand", 0)])
    func distance_returnsNilAboveLimit(a: String, b: String, limit: Int) {
        #expect(EditDistance.distance(Array(a.utf16), Array(b.utf16), limit: limit) == nil)
    }

    @Test func distance_bandedAgreesWithFullOnSeededPairs() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let full = EditDistance.distance(a, b)!
            for limit in 0...8 {
                let banded = EditDistance.distance(a, b, limit: limit)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func unmatchedIndices_marksSubstitutedAndDeletedWords() {
        #expect(EditDistance.unmatchedIndices(["the", "red", "car"], ["the", "blue", "car"]) == [1])
        #expect(EditDistance.unmatchedIndices(["a", "b", "c", "d"], ["a", "d"]) == [1, 2])
        #expect(EditDistance.unmatchedIndices(["a"], [String]()) == [0])
        #expect(EditDistance.unmatchedIndices([String](), ["a"]) == [])
    }
}

