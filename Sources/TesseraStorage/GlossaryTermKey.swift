/// A stored term as the term look-ups see it: its keys (`TermNormalizer`: folded words and
/// stemmed keys, each joined by one space) and where it stands (glossary name, concept and term
/// positions: the order in which an in-memory index would hold it).
public struct GlossaryTermKey: Hashable, Sendable {
    /// The term id.
    public var termID: Int64
    /// The concept id.
    public var conceptID: Int64
    /// The glossary name.
    public var glossary: String
    /// The concept's position in its glossary.
    public var conceptPosition: Int
    /// The term's position in its concept.
    public var termPosition: Int
    /// Folded words joined by one space.
    public var folded: String
    /// Stemmed keys joined by one space.
    public var stemmed: String

    /// Creates a term key.
    public init(
        termID: Int64, conceptID: Int64, glossary: String, conceptPosition: Int, termPosition: Int, folded: String,
        stemmed: String
    ) {
        self.termID = termID
        self.conceptID = conceptID
        self.glossary = glossary
        self.conceptPosition = conceptPosition
        self.termPosition = termPosition
        self.folded = folded
        self.stemmed = stemmed
    }

    /// Glossary name, then concept position, then term position (then term id).
    public static func inIndexOrder(_ lhs: GlossaryTermKey, _ rhs: GlossaryTermKey) -> Bool {
        (lhs.glossary, lhs.conceptPosition, lhs.termPosition, lhs.termID)
            < (rhs.glossary, rhs.conceptPosition, rhs.termPosition, rhs.termID)
    }
}
