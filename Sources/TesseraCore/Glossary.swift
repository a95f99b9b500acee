/// A named glossary: the concept entries read from one or more files.
///
/// ```swift
/// let glossary = Glossary(name: "defence", entries: try TBXReader.read(url: url))
/// ```
public struct Glossary: Hashable, Sendable, Codable {
    /// The glossary's name (unique in a store).
    public var name: String
    /// Its concept entries.
    public var entries: [TermEntry]

    /// Creates a glossary.
    public init(name: String, entries: [TermEntry]) {
        self.name = name
        self.entries = entries
    }

    /// The languages used by any term, sorted.
    public var languages: [LanguageTag] { Array(Set(entries.flatMap { $0.terms.map(\.language) })).sorted() }

    /// The number of terms over all entries.
    public var termCount: Int { entries.reduce(0) { $0 + $1.terms.count } }
}
