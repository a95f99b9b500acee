/// A stored glossary's name and size (``GlossaryStore/summaries()``).
public struct GlossarySummary: Hashable, Sendable, Codable {
    /// Name.
    public var name: String
    /// Where it was imported from.
    public var origin: String?
    /// Number of concepts.
    public var concepts: Int
    /// Number of terms.
    public var terms: Int
    /// Languages with terms, as stored (full tags), sorted.
    public var languages: [String]

    /// Creates a summary.
    public init(name: String, origin: String?, concepts: Int, terms: Int, languages: [String]) {
        self.name = name
        self.origin = origin
        self.concepts = concepts
        self.terms = terms
        self.languages = languages
    }
}
