/// Something odd about a document pair that still got an alignment: a value collected in the
/// alignment report (convention 3), printed as one line.
///
/// ```swift
/// AlignmentWarning(kind: .emptySide, message: "The target document has no sentences.").description
/// // "warning: emptySide: The target document has no sentences."
/// ```
package struct AlignmentWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of oddity.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// One document (or both) has no sentences.
        case emptySide
        /// Many sentences found no counterpart.
        case manyUnaligned
        /// One side ends with a long run of unaligned sentences (a translation that stops early).
        case truncated
        /// The documents share little evidence: maybe not translations, or other languages than given.
        case lowSimilarity
        /// The paragraph counts differ; paragraphs were aligned first.
        case paragraphCountsDiffer
        /// The lengths of the two documents are very different.
        case lengthRatio
    }

    /// The kind.
    package var kind: Kind
    /// What was found, in one sentence.
    package var message: String

    /// Creates a warning.
    package init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// `warning: kind: message`.
    package var description: String { "warning: \(kind.rawValue): \(message)" }
}
