import Testing
import TesseraCore
@testable import TesseraGlossary

struct TermMatcherTests {
    static func matcher(_ terms: [[String]]) -> TermMatcher {
        var matcher = TermMatcher()
        for (value, keys) in terms.enumerated() { matcher.insert(keys: keys, value: value) }
        return matcher
    }

    @Test(arguments: [
        // sentence keys, expected (range, values)
        (["nato", "capability", "target", "2030"], [(1..<3, [1])]),
        (["target", "capability"], [(0..<1, [0])]),
        (["defence", "capability", "target"], [(0..<2, [2]), (2..<3, [0])]),  // earlier of two equally long wins
        (["capability", "", "target"], [(2..<3, [0])]),  // punctuation breaks a term
        ([String](), []),
    ])
    func matches_longestWinsWithoutOverlap(keys: [String], expected: [(Range<Int>, [Int])]) {
        let matcher = Self.matcher([["target"], ["capability", "target"], ["defence", "capability"]])
        let found = matcher.matches(in: keys)
        #expect(found.map(\.tokens) == expected.map(\.0))
        #expect(found.map(\.values) == expected.map(\.1))
    }

    @Test func matches_prefersThreeWordsOverTwoAndOne() {
        let matcher = Self.matcher([["a"], ["a", "b"], ["a", "b", "c"], ["b", "c"]])
        #expect(matcher.matches(in: ["x", "a", "b", "c"]).map(\.tokens) == [1..<4])
    }

    @Test func values_findsExactSequenceOnly() {
        let matcher = Self.matcher([["capability", "target"], ["capability", "target"]])
        #expect(matcher.values(for: ["capability", "target"]) == [0, 1])
        #expect(matcher.values(for: ["capability"]).isEmpty)
        #expect(matcher.count == 2)
    }
}
