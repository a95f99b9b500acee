public import TesseraCore

/// One ranked match from ``FuzzyMatcher``: the candidate unit's source and the target variant it
/// offers, the score, and what a front end shows beside them (the target with the query's numbers
/// carried over, the query words that differ).
///
/// A unit with several wanted target languages gives one match per language.
public struct FuzzyMatch: Sendable, Hashable {
    /// The score: ``MatchScore/percent`` is 101 for an exact match in context, 100 exact, at most
    /// 99 otherwise; ``MatchScore/tieBreak`` and ``MatchScore/differingWords`` are filled in.
    public var score: MatchScore
    /// The matched unit.
    public var unit: MatchUnit
    /// The unit's source variant that the index matched.
    public var source: MatchUnit.Variant
    /// The target variant offered.
    public var target: MatchUnit.Variant
    /// The suggested target: ``target``'s text with the query's numbers carried over when the source
    /// differs from the query only in numbers (auto-localisation, Docs/MATCHING.md), otherwise
    /// ``target``'s text.
    public var suggestedTarget: String
    /// Whether numbers were carried into ``suggestedTarget``.
    public var numbersCarried: Bool
    /// The target language asked for that ``target`` answers (`nil` when every language was asked).
    public var requestedLanguage: LanguageTag?
    /// How well ``target``'s language answers ``requestedLanguage`` (see
    /// ``LanguageTag/fallbackRank(of:)``; 0 when every language was asked).
    public var fallbackRank: Int
    /// The query words with no identical partner in the source, as written in the query; for a
    /// character-level query (no spaces between words) the whole query when it is not exact.
    public var differingWords: [String]

    /// Creates a match.
    public init(
        score: MatchScore, unit: MatchUnit, source: MatchUnit.Variant, target: MatchUnit.Variant, suggestedTarget: String,
        numbersCarried: Bool, requestedLanguage: LanguageTag?, fallbackRank: Int, differingWords: [String]
    ) {
        self.score = score
        self.unit = unit
        self.source = source
        self.target = target
        self.suggestedTarget = suggestedTarget
        self.numbersCarried = numbersCarried
        self.requestedLanguage = requestedLanguage
        self.fallbackRank = fallbackRank
        self.differingWords = differingWords
    }
}
