/// What a glossary import wrote (``GlossaryStore/replaceGlossary(_:origin:)``).
public struct GlossaryWriteReport: Hashable, Sendable, Codable {
    /// The glossary name.
    public var glossary: String
    /// Concepts written.
    public var concepts: Int
    /// Terms written.
    public var terms: Int
    /// Whether an existing glossary of that name was replaced.
    public var replaced: Bool

    /// Creates a report.
    public init(glossary: String, concepts: Int, terms: Int, replaced: Bool) {
        self.glossary = glossary
        self.concepts = concepts
        self.terms = terms
        self.replaced = replaced
    }
}
