public import TesseraCore
public import TesseraMatching

/// One match of a lookup, ready to print: score and its parts, source and suggested target, where
/// the unit came from.
public struct LookupMatch: Sendable, Hashable, Codable {
    /// The percentage: 101 exact in context, 100 exact, at most 99 otherwise.
    public var score: Int
    /// The edit-distance part before the cap and penalties.
    public var base: Int
    /// Deductions, each with its points.
    public var penalties: [MatchPenalty]
    /// The matched source segment (plain text).
    public var source: String
    /// Its language.
    public var sourceLanguage: LanguageTag
    /// The suggested target: the stored target, with the query's numbers carried over when the
    /// source differs from the query only in numbers.
    public var target: String
    /// The stored target text.
    public var storedTarget: String
    /// The language of the target variant used.
    public var targetLanguage: LanguageTag
    /// The target language asked for that it answers (`nil` when all languages were asked).
    public var requestedLanguage: LanguageTag?
    /// Whether numbers were carried into ``target``.
    public var numbersCarried: Bool
    /// The query words with no identical partner in the source.
    public var differingWords: [String]
    /// Where the unit came from.
    public var origin: Origin
    /// The unit identifier from the file.
    public var tuid: String?
    /// `creationdate` of the unit.
    public var created: String?
    /// `changedate` of the unit.
    public var changed: String?
    /// The unit's row id in the translation memory.
    public var unit: Int64
    /// Character similarity used to order equal scores (0...1).
    public var tieBreak: Double
    /// The memory the unit is in (set by ``MemoryLookup``; `nil` from a bare ``Lookup``).
    public var memory: MemoryName? = nil
    /// The points taken off ``score`` for the memory's place in the list (``MemorySelection``).
    public var memoryPenalty = 0
}

extension LookupMatch {
    /// The printable form of a ranked match.
    init(_ match: FuzzyMatch) {
        self.init(
            score: match.score.percent, base: match.score.base, penalties: match.score.penalties, source: match.source.text,
            sourceLanguage: match.source.language, target: match.suggestedTarget, storedTarget: match.target.text,
            targetLanguage: match.target.language, requestedLanguage: match.requestedLanguage,
            numbersCarried: match.numbersCarried, differingWords: match.differingWords, origin: match.unit.origin,
            tuid: match.unit.tuid, created: match.unit.created, changed: match.unit.changed, unit: match.unit.unit,
            tieBreak: match.score.tieBreak)
    }
}
