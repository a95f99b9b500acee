import Foundation
import TesseraCore
@testable import TesseraAlignment

/// A seeded generator (SplitMix64) so that random test inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixture {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func document(_ name: String, language: String) throws -> AlignmentDocument {
        AlignmentDocument(lines: try text(name), language: LanguageTag(language))
    }
}

extension Array where Element == Bead {
    /// Whether the beads cover 0..<n and 0..<m in order, each index once.
    func tiles(sourceCount n: Int, targetCount m: Int) -> Bool {
        var i = 0
        var j = 0
        for bead in self {
            guard bead.source.lowerBound == i, bead.target.lowerBound == j, !(bead.source.isEmpty && bead.target.isEmpty) else {
                return false
            }
            i = bead.source.upperBound
            j = bead.target.upperBound
        }
        return i == n && j == m
    }
}
