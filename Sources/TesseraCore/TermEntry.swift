/// A concept of a termbase: its identifier, subject field, definitions and notes per language,
/// and its terms (synonyms and translations) in every language.
///
/// Corresponds to TBX `conceptEntry` (TBX 3) or `termEntry` (TBX 2), to one concept group of a
/// long-format CSV and to one row of a wide CSV or OmegaT glossary.
///
/// ```swift
/// let entry = TermEntry(id: "c1", subject: "defence", terms: [
///     Term(text: "capability target", language: LanguageTag("en")!, status: .preferred),
///     Term(text: "Fähigkeitsziel", language: LanguageTag("de")!, status: .preferred),
/// ])
/// entry.terms(in: LanguageTag("de")!).map(\.text)   // ["Fähigkeitsziel"]
/// ```
///
/// - SeeAlso: [TBX-Basic conceptEntry](https://www.tbxinfo.net/tbx-basic/)
public struct TermEntry: Hashable, Sendable, Codable {
    /// The concept identifier from the source (`c5`, a CSV `concept` or `id` column), or one
    /// made up by the reader when the source has none.
    public var id: String
    /// The subject field (`defence`, `Software`), if any.
    public var subject: String?
    /// Definitions by language tag text (`en`, `de-CH`); key `""` for a definition without language.
    public var definitions: [String: String]
    /// Notes by language tag text; key `""` for a concept-level note.
    public var notes: [String: String]
    /// The terms in every language, in source order.
    public var terms: [Term]
    /// Where the entry came from (a file name, a `sourceIdentifier`), if known.
    public var source: String?
    /// Every TBX data category of the concept (key `""`) and of each language section (key: the
    /// language tag text) as read, in document order (`transacGrp`, `xref`, `admin`, ...); empty for
    /// entries from delimited files.
    public var categories: [String: [DataCategory]]

    /// Creates a concept entry.
    /// - Parameters:
    ///   - id: Concept identifier.
    ///   - subject: Subject field.
    ///   - definitions: Definitions by language (`""` for none).
    ///   - notes: Notes by language (`""` for the concept level).
    ///   - terms: The terms.
    ///   - source: Origin, if known.
    ///   - categories: TBX data categories by language (`""` for the concept level).
    public init(
        id: String, subject: String? = nil, definitions: [String: String] = [:], notes: [String: String] = [:],
        terms: [Term] = [], source: String? = nil, categories: [String: [DataCategory]] = [:]
    ) {
        self.id = id
        self.subject = subject
        self.definitions = definitions
        self.notes = notes
        self.terms = terms
        self.source = source
        self.categories = categories
    }

    enum CodingKeys: String, CodingKey {
        case id, subject, definitions, notes, terms, source, categories
    }

    /// Decodes an entry; `categories` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        definitions = try container.decode([String: String].self, forKey: .definitions)
        notes = try container.decode([String: String].self, forKey: .notes)
        terms = try container.decode([Term].self, forKey: .terms)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        categories = try container.decodeIfPresent([String: [DataCategory]].self, forKey: .categories) ?? [:]
    }

    /// Encodes an entry; `categories` only when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encode(definitions, forKey: .definitions)
        try container.encode(notes, forKey: .notes)
        try container.encode(terms, forKey: .terms)
        try container.encodeIfPresent(source, forKey: .source)
        if !categories.isEmpty { try container.encode(categories, forKey: .categories) }
    }

    /// The terms whose language answers a request for `language` (`de` finds `de-DE` and `de`),
    /// best language match first, preferred before admitted before unrated before discouraged.
    public func terms(in language: LanguageTag) -> [Term] {
        let ranked = terms.enumerated().compactMap { index, term -> (Int, Int, Int, Term)? in
            guard let rank = language.fallbackRank(of: term.language) else { return nil }
            let statusRank: Int
            switch term.status {
            case .preferred: statusRank = 0
            case .admitted: statusRank = 1
            case nil: statusRank = 2
            case .deprecated: statusRank = 3
            case .forbidden: statusRank = 4
            }
            return (-rank, statusRank, index, term)
        }
        return ranked.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }

    /// The definition for `language` (falling back to its base language, then to the
    /// language-less definition), if any.
    public func definition(in language: LanguageTag) -> String? {
        definitions[language.description] ?? definitions[language.language] ?? definitions[""]
    }

    /// The languages that have at least one term, sorted.
    public var languages: [LanguageTag] { Array(Set(terms.map(\.language))).sorted() }
}
