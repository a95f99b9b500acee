public import TesseraCore

/// What to look up in a ``MatchIndex``.
///
/// ```swift
/// MatchRequest(query: MatchText("Open the file", language: LanguageTag("en")),
///              sourceLanguage: LanguageTag("en")!, targetLanguages: [LanguageTag("de")!], minimum: 75, limit: 5)
/// ```
public struct MatchRequest: Sendable, Hashable {
    /// The analysed query.
    public var query: MatchText
    /// The query language; stored variants of the same primary language are searched (`en` finds
    /// `en-US` sources).
    public var sourceLanguage: LanguageTag
    /// The target languages a unit must have one of (same primary language counts), or `nil` for any.
    public var targetLanguages: [LanguageTag]?
    /// The lowest base percentage of interest (0...100).
    public var minimum: Int
    /// How many candidates the caller will show.
    public var limit: Int

    /// Creates a request.
    public init(query: MatchText, sourceLanguage: LanguageTag, targetLanguages: [LanguageTag]?, minimum: Int, limit: Int) {
        self.query = query
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        self.minimum = min(max(minimum, 0), 100)
        self.limit = max(limit, 0)
    }
}

/// A candidate found by the index: which entry and its edit-distance part of the score.
public struct MatchCandidate: Sendable, Hashable {
    /// The variant id of the matched source segment.
    public var id: Int64
    /// The unit id.
    public var unit: Int64
    /// The source variant's language.
    public var language: LanguageTag
    /// `floor(100 · (L − d) / L)`.
    public var base: Int
    /// The edit distance.
    public var distance: Int

    /// Creates a candidate.
    public init(id: Int64, unit: Int64, language: LanguageTag, base: Int, distance: Int) {
        self.id = id
        self.unit = unit
        self.language = language
        self.base = base
        self.distance = distance
    }
}
