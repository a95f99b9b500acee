public import TesseraCore

/// A glossary answer: the source term that matched, how, and the concept's terms in the target
/// languages with status, definition and glossary name.
///
/// ```swift
/// // {"glossary":"defence","conceptID":"c12","match":"stem","source":{"text":"capability target",...},
/// //  "targets":[{"text":"Fähigkeitsziel","language":"de","status":"preferred"}], ...}
/// ```
public struct TermHit: Hashable, Sendable, Codable {
    /// How the query met the source term, best first.
    public enum MatchKind: String, Hashable, Sendable, Codable, Comparable {
        /// Same folded words.
        case exact
        /// Same stems (inflected form, hyphen or space variant).
        case stem
        /// Word prefixes of at least half the word (languages without a stemmer).
        case prefix
        /// The query's words occur inside a longer term (`hedefleri` finds `yetenek hedefi`).
        case partial
        /// Within a small edit distance of the folded text.
        case fuzzy

        /// Exact sorts first.
        public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool {
            let order: [MatchKind] = [.exact, .stem, .prefix, .partial, .fuzzy]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// The glossary the concept belongs to.
    public var glossary: String
    /// The concept identifier.
    public var conceptID: String
    /// The concept's subject field, if any.
    public var subject: String?
    /// How the query matched.
    public var match: MatchKind
    /// For fuzzy matches, the edit distance over folded text; for partial ones, the number of
    /// extra words in the term; 0 otherwise.
    public var distance: Int
    /// The source-language term that matched.
    public var source: Term
    /// The concept's terms in the requested target languages (preferred first).
    public var targets: [Term]
    /// A definition (target language first, then source, then language-less), if any.
    public var definition: String?
    /// The concept-level note, if any.
    public var note: String?

    /// Creates a hit.
    public init(
        glossary: String, conceptID: String, subject: String?, match: MatchKind, distance: Int, source: Term,
        targets: [Term], definition: String?, note: String?
    ) {
        self.glossary = glossary
        self.conceptID = conceptID
        self.subject = subject
        self.match = match
        self.distance = distance
        self.source = source
        self.targets = targets
        self.definition = definition
        self.note = note
    }
}
