public import TesseraCore

/// Turns the candidates an index search found into the ranked matches a lookup shows: scores each
/// candidate's source against the query (penalties, 101 for an exact match in context), keeps those
/// at or above the threshold that have a wanted target language (with fallback), and returns the
/// best `limit` in a fixed order.
///
/// The order is score, then tie-break (character similarity), then how well the target language
/// answers the request (exact tag, base or regional, sibling), then the lower unit id. The tie-break
/// and differing words (each an O(n·m) comparison) are computed only for candidates that can still
/// be among the `limit` shown.
///
/// ```swift
/// let en = LanguageTag("en")!, de = LanguageTag("de")!
/// let query = MatchText("Open the file", language: en)
/// let candidates = index.search(MatchRequest(query: query, sourceLanguage: en, targetLanguages: [de], minimum: 75, limit: 5))
/// let units = try memory.matchUnits(candidates.map(\.unit))
/// let matches = FuzzyMatcher(minimum: 75, limit: 5, targets: [de]).matches(query, candidates: candidates, units: units)
/// matches.first?.score.percent   // 100
/// ```
public struct FuzzyMatcher: Sendable, Hashable {
    /// The lowest percentage kept (0...101).
    public var minimum: Int
    /// The largest number of matches returned; 0 or less returns none.
    public var limit: Int
    /// The wanted target languages, each answered by its best variant by fallback rank (`de` finds
    /// `de-DE`; `de-CH` prefers `de-CH`, then `de`, then a sibling such as `de-AT`); `nil` for every
    /// variant whose language differs from the source's.
    public var targets: [LanguageTag]?
    /// The previous source segment; an exact match whose unit has this context (a prop in
    /// ``contextPropTypes`` or the tuid) scores 101.
    public var context: String?

    /// Prop types (compared in lower case) whose value is a unit's context.
    public static let contextPropTypes: Set<String> = ["x-context", "context", "x-context-pre", "x-previous", "x-prev"]

    /// Creates a matcher for one request.
    public init(minimum: Int = 75, limit: Int = 5, targets: [LanguageTag]?, context: String? = nil) {
        self.minimum = minimum
        self.limit = limit
        self.targets = targets
        self.context = context
    }

    /// Scores and ranks `candidates`.
    ///
    /// - Parameters:
    ///   - query: The analysed query.
    ///   - candidates: What the index search found (base score and distance of each source variant).
    ///   - units: The match data of the candidates' units; a candidate whose unit or variant is
    ///     missing (changed since the index was built) is skipped.
    /// - Returns: At most ``limit`` matches scoring at least ``minimum``, best first, one per unit
    ///   and answered target language.
    /// - Complexity: O(c) cheap scores for c candidates, plus the O(n·m) tie-break and differing
    ///   words for those that can be shown.
    public func matches(_ query: MatchText, candidates: [MatchCandidate], units: [Int64: MatchUnit]) -> [FuzzyMatch] {
        guard limit > 0 else { return [] }
        // First the percentages (cheap), then the tie-break and differing words only for the
        // candidates that can still be among the `limit` shown: those scoring at least the
        // `limit`-th best match.
        var scored: [(unit: MatchUnit, source: MatchUnit.Variant, text: MatchText, score: MatchScore,
            targets: [(LanguageTag?, MatchUnit.Variant, Int)])] = []
        for candidate in candidates {
            guard let unit = units[candidate.unit],
                let source = unit.variants.first(where: { $0.id == candidate.id })
            else { continue }
            let sourceText = MatchText(source.text, language: source.language)
            var score = FuzzyScorer.finish(
                base: candidate.base, distance: candidate.distance, query: query, candidate: sourceText,
                candidateCodes: source.codes, origin: unit.origin, details: false)
            if score.percent == 100, let context, Self.contextMatches(context, unit) {
                score.percent = 101
            }
            guard score.percent >= minimum else { continue }
            let targets = Self.targets(of: unit, source: source, wanted: targets)
            guard !targets.isEmpty else { continue }
            scored.append((unit, source, sourceText, score, targets))
        }
        let percents = scored.flatMap { entry in entry.targets.map { _ in entry.score.percent } }.sorted(by: >)
        let cutoff = percents.count > limit ? percents[limit - 1] : Int.min
        var matches: [FuzzyMatch] = []
        for (unit, source, sourceText, shallow, targets) in scored where shallow.percent >= cutoff {
            let score = FuzzyScorer.detailed(shallow, query: query, candidate: sourceText)
            let differing = Self.differingWords(score, query: query)
            for (requested, variant, rank) in targets {
                let carried = NumberCarrier.carry(query: query, source: sourceText, target: variant.text)
                matches.append(
                    FuzzyMatch(
                        score: score, unit: unit, source: source, target: variant, suggestedTarget: carried ?? variant.text,
                        numbersCarried: carried != nil, requestedLanguage: requested, fallbackRank: rank,
                        differingWords: differing))
            }
        }
        matches.sort { a, b in
            (a.score.percent, a.score.tieBreak, a.fallbackRank, -a.unit.unit)
                > (b.score.percent, b.score.tieBreak, b.fallbackRank, -b.unit.unit)
        }
        return Array(matches.prefix(limit))
    }

    /// Whether an exact match's unit has the query's context: its tuid, or the value of a context
    /// prop.
    package static func contextMatches(_ context: String, _ unit: MatchUnit) -> Bool {
        if unit.tuid == context { return true }
        return unit.props.contains { contextPropTypes.contains($0.type.lowercased()) && $0.value == context }
    }

    /// The target variants to show, each with the wanted language it answers and its fallback rank:
    /// for each wanted language the best variant by fallback rank (exact, base or regional, sibling;
    /// first in document order on ties); every other variant (rank 0) when `wanted` is nil. A
    /// variant sharing the source's primary language is never a target.
    package static func targets(
        of unit: MatchUnit, source: MatchUnit.Variant, wanted: [LanguageTag]?
    ) -> [(LanguageTag?, MatchUnit.Variant, Int)] {
        let others = unit.variants.filter { $0.id != source.id && !$0.language.sharesLanguage(with: source.language) }
        guard let wanted else { return others.map { (nil, $0, 0) } }
        var result: [(LanguageTag?, MatchUnit.Variant, Int)] = []
        for language in wanted {
            var best: (MatchUnit.Variant, Int)?
            for variant in others {
                guard let rank = language.fallbackRank(of: variant.language) else { continue }
                if best == nil || rank > best!.1 { best = (variant, rank) }
            }
            if let best { result.append((language, best.0, best.1)) }
        }
        return result
    }

    /// The query words that `score` lists as differing, as written in the query (the whole query
    /// for a character-level comparison).
    static func differingWords(_ score: MatchScore, query: MatchText) -> [String] {
        score.differingWords.compactMap { index -> String? in
            guard query.granularity == .token, index < query.wordRanges.count else {
                return query.granularity == .character ? query.text : nil
            }
            let range = query.wordRanges[index]
            let utf16 = query.text.utf16
            return String(
                utf16[utf16.index(utf16.startIndex, offsetBy: range.lowerBound)..<utf16.index(utf16.startIndex, offsetBy: range.upperBound)])
        }
    }
}
