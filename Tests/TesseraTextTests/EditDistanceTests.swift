import Testing
import TesseraTestSupport
@testable import TesseraText

struct EditDistanceTests {
    @Test(arguments: [
        ("kitten", "sitting", 3),
        ("hond", "hand", 1),
        ("", "abc", 3),
        ("abc", "", 3),
        ("", "", 0),
        ("flaw", "lawn", 2),
        ("same", "same", 0),
        ("abcd", "acbd", 1),  // one swap
        ("abcdef", "badcfe", 3),  // three swaps
        ("ca", "abc", 3),  // restricted: a swapped pair is not edited again (true Damerau: 2)
        ("recieve", "receive", 1),
    ])
    func distance_countsInsertionsDeletionsSubstitutionsAndSwaps(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(Array(a.utf16), Array(b.utf16)) == expected)
        #expect(EditDistance.distance(Array(b.utf16), Array(a.utf16)) == expected)
    }

    @Test(arguments: [("kitten", "sitting", 2), ("abcdef", "abc", 2), ("hond", "hand", 0)])
    func distance_returnsNilAboveLimit(a: String, b: String, limit: Int) {
        #expect(EditDistance.distance(Array(a.utf16), Array(b.utf16), limit: limit) == nil)
    }

    /// The textbook optimal-string-alignment table (Levenshtein's without the swap step), full
    /// size, as the reference.
    static func reference(_ a: [UInt8], _ b: [UInt8], transpositions: Bool = true) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test func distance_bandedAgreesWithFullOnSeededPairs() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let full = EditDistance.distance(a, b)!
            #expect(full == Self.reference(a, b), "\(a) \(b)")
            for limit in 0...8 {
                let banded = EditDistance.distance(a, b, limit: limit)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test(arguments: [("abcd", "acbd", 2), ("kitten", "sitting", 3), ("capabilty", "capability", 1), ("ab", "ba", 2), ("", "xy", 2)])
    func distance_withoutTranspositionsIsLevenshtein(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), transpositions: false) == expected)
        #expect(EditDistance.distance(Array(b.unicodeScalars), Array(a.unicodeScalars), transpositions: false) == expected)
        #expect(EditDistance.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: expected - 1, transpositions: false) == nil)
    }

    @Test func distance_withoutTranspositionsAgreesWithLevenshteinOnSeededPairs() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            let full = Self.reference(a, b, transpositions: false)
            for limit in 0...8 {
                let banded = EditDistance.distance(a, b, limit: limit, transpositions: false)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func unmatchedIndices_marksSubstitutedAndDeletedWords() {
        #expect(EditDistance.unmatchedIndices(["the", "red", "car"], ["the", "blue", "car"]) == [1])
        #expect(EditDistance.unmatchedIndices(["a", "b", "c", "d"], ["a", "d"]) == [1, 2])
        #expect(EditDistance.unmatchedIndices(["a"], [String]()) == [0])
        #expect(EditDistance.unmatchedIndices([String](), ["a"]) == [])
        #expect(EditDistance.unmatchedIndices(["do", "not", "the", "use", "it"], ["do", "not", "use", "the", "it"]) == [])
        #expect(EditDistance.unmatchedIndices(["do", "not", "the", "use", "x"], ["do", "not", "use", "the", "it"]) == [4])
    }
}

