import TesseraTestSupport
import Foundation
import TesseraCore
@testable import TesseraAlignment

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
