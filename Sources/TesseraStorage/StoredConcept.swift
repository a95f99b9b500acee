public import TesseraCore

/// A stored concept with the term ids in the order of `entry.terms`
/// (``GlossaryStore/concepts(_:languages:)``).
public struct StoredConcept: Sendable {
    /// The glossary name.
    public var glossary: String
    /// The concept with its terms (of the languages asked).
    public var entry: TermEntry
    /// The term id of each of `entry.terms`.
    public var termIDs: [Int64]

    /// Creates a stored concept.
    public init(glossary: String, entry: TermEntry, termIDs: [Int64]) {
        self.glossary = glossary
        self.entry = entry
        self.termIDs = termIDs
    }
}
