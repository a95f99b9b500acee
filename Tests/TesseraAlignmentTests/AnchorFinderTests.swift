import Testing
@testable import TesseraAlignment

struct AnchorFinderTests {
    /// A case: candidate points and the chain expected, as "source:target" strings.
    struct Case: Sendable, CustomStringConvertible {
        var points: [String]
        var expected: [String]
        var description: String { points.joined(separator: " ") }

        static func pairs(_ texts: [String]) -> [(source: Int, target: Int)] {
            texts.map { text in
                let parts = text.split(separator: ":").compactMap { Int($0) }
                return (parts[0], parts[1])
            }
        }
    }

    static let cases: [Case] = [
        Case(points: ["0:0", "1:1", "2:2"], expected: ["0:0", "1:1", "2:2"]),
        Case(points: ["0:0", "5:1", "1:2", "2:3"], expected: ["0:0", "1:2", "2:3"]),
        Case(points: ["3:3", "3:4", "4:5"], expected: ["3:3", "4:5"]),
        Case(points: ["0:9", "1:0", "2:1"], expected: ["1:0", "2:1"]),
    ]

    @Test(arguments: cases)
    func chain_isLongestAndStrictlyIncreasing(testCase: Case) {
        let chain = AnchorFinder.longestIncreasingChain(Case.pairs(testCase.points))
        #expect(chain.map { "\($0.source):\($0.target)" } == testCase.expected)
    }

    @Test func anchors_pairRepeatedNumbersInOrder() {
        let source = ["In 1953 it rained.", "Nothing here.", "Then 1955 came and 8848 metres.", "And 1953 again."]
        let target = ["En 1953 il pleuvait.", "Puis vint 1955 avec 8848 mètres.", "Et encore 1953."]
        let features = BilingualFeatures(source: source, target: target, sourceLanguage: nil, targetLanguage: nil)
        let anchors = AnchorFinder().anchors(features)
        #expect(anchors.map(\.source) == [0, 2, 3])
        #expect(anchors.map(\.target) == [0, 1, 2])
    }
}
