import Foundation

/// A bead as sets of sentence indices, the form of gold alignments (which may be
/// non-contiguous), read from and written to the "beads" format `[4, 5]:[4]` used by Vecalign,
/// Bleualign and the Text+Berg gold files.
///
/// ```swift
/// let link = try AlignmentLink(beadsLine: "[4, 5]:[4]")
/// link.source   // [4, 5]
/// link.description   // "[4, 5]:[4]"
/// ```
package struct AlignmentLink: Hashable, Sendable, CustomStringConvertible {
    /// Source sentence indices, sorted, without duplicates.
    package let source: [Int]
    /// Target sentence indices, sorted, without duplicates.
    package let target: [Int]

    /// Creates a link; indices are sorted and deduplicated.
    package init(source: some Sequence<Int>, target: some Sequence<Int>) {
        self.source = Array(Set(source)).sorted()
        self.target = Array(Set(target)).sorted()
    }

    /// The link of a bead.
    package init(_ bead: Bead) {
        self.init(source: bead.source, target: bead.target)
    }

    /// Parses `[i, j]:[k]`, with an optional `:score` suffix.
    /// - Throws: ``AlignmentError`` with kind `malformedBead`.
    package init(beadsLine line: String, lineNumber: Int? = nil) throws {
        let text = line.trimmingCharacters(in: .whitespaces)
        func fail() -> AlignmentError {
            AlignmentError(.malformedBead, "Not an alignment line: \"\(text)\".", line: lineNumber)
        }
        guard text.first == "[" else { throw fail() }
        let parts = text.split(separator: "]", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw fail() }
        let first = parts[0].dropFirst()
        var second = parts[1].drop { $0 == " " }
        guard second.first == ":" else { throw fail() }
        second = second.dropFirst().drop { $0 == " " }
        guard second.first == "[" else { throw fail() }
        second = second.dropFirst()
        if parts.count == 3 {
            let rest = parts[2].trimmingCharacters(in: .whitespaces)
            guard rest.isEmpty || rest.hasPrefix(":") else { throw fail() }
        }
        func indices(_ side: Substring) throws -> [Int] {
            let trimmed = side.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return [] }
            return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                guard let value = Int($0.trimmingCharacters(in: .whitespaces)), value >= 0 else { throw fail() }
                return value
            }
        }
        self.init(source: try indices(first), target: try indices(second))
    }

    /// Parses a whole beads file; blank lines and lines starting with `#` are skipped.
    /// - Throws: ``AlignmentError`` for the first malformed line.
    package static func parse(beadsFile text: String) throws -> [AlignmentLink] {
        var links: [AlignmentLink] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            links.append(try AlignmentLink(beadsLine: trimmed, lineNumber: index + 1))
        }
        return links
    }

    /// `[4, 5]:[4]`.
    package var description: String {
        "[" + source.map(String.init).joined(separator: ", ") + "]:[" + target.map(String.init).joined(separator: ", ") + "]"
    }

    /// Whether one side is empty.
    package var isOneSided: Bool { source.isEmpty || target.isEmpty }
}
