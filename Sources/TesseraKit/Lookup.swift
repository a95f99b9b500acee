import Foundation
import TesseraCore
public import TesseraMatching
public import TesseraMatchIndex
public import TesseraStorage

/// The lookup use case: opens the translation memory and its match index once, then answers any
/// number of queries (one process, one database open for a whole batch file).
///
/// ```swift
/// let lookup = try Lookup(database: DatabaseLocation(option: "tm.db"))
/// let matches = try lookup.run("Open the file", options: LookupOptions(source: en, targets: [de]))
/// matches.first?.score   // 100
/// ```
public final class Lookup: Sendable {
    /// The translation memory.
    public let memory: TesseraStorage.TranslationMemory
    /// The match index, current with the database when the lookup was opened.
    public let index: MatchIndex
    /// How the index was loaded (rebuilt, units updated, side-file size).
    public let indexState: MatchIndexStore.Loaded

    /// Opens the memory and loads (or builds) its match index.
    /// - Throws: ``KitError`` `noDatabase` when the file does not exist; storage errors.
    public init(database: DatabaseLocation, rebuildIndex: Bool = false) throws {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database.path).") }
        memory = try TesseraStorage.TranslationMemory.open(path: database.path)
        indexState = try MatchIndexStore(source: memory).bringUpToDate(rebuild: rebuildIndex)
        index = indexState.index
    }

    /// A lookup on an open session, with the session's index as it is now: caught up from the
    /// change feed when the memory moved since the session's last lookup (its own imports and
    /// other processes' writes), the same index when nothing moved (two `max()` reads). Cheap:
    /// make one per query or per batch.
    /// - Throws: ``KitError`` `closed`; storage errors.
    public init(session: TranslationMemory) throws {
        memory = session.store
        index = try session.currentIndex()
        indexState = MatchIndexStore.Loaded(index: index, rebuilt: false, updatedUnits: 0, fileSize: 0)
    }

    /// Context props that an exact match's unit may carry to score 101.
    static let contextPropTypes: Set<String> = ["x-context", "context", "x-context-pre", "x-previous", "x-prev"]

    /// Looks up one sentence.
    ///
    /// - Parameters:
    ///   - text: The query sentence (plain text).
    ///   - options: Languages, threshold, number of matches, context.
    /// - Returns: At most `options.limit` matches scoring at least `options.minimum`, best first.
    /// - Complexity: one index search (see ``MatchIndex/search(_:)``) and a few indexed reads per
    ///   candidate.
    public func run(_ text: String, options: LookupOptions) throws -> [LookupMatch] {
        let query = MatchText(text, language: options.source)
        let request = MatchRequest(
            query: query, sourceLanguage: options.source, targetLanguages: options.targets,
            minimum: min(options.minimum, 100), limit: options.limit)
        let candidates = options.exhaustive ? index.exhaustiveSearch(request) : index.search(request)
        guard !candidates.isEmpty, options.limit > 0 else { return [] }
        let details = try MatchIndexDetails.fetch(memory, units: candidates.map(\.unit))
        // First the percentages (cheap), then the tie-break and differing words only for the
        // candidates that can still be among the `limit` shown: those scoring at least the
        // `limit`-th best match.
        var scored: [(unit: MatchIndexDetails, source: MatchIndexDetails.Variant, text: MatchText, score: MatchScore,
            targets: [(LanguageTag?, MatchIndexDetails.Variant, Int)])] = []
        for candidate in candidates {
            guard let unit = details[candidate.unit],
                let source = unit.variants.first(where: { $0.id == candidate.id })
            else { continue }  // changed since the index was loaded
            let sourceText = MatchText(source.text, language: source.language)
            var score = FuzzyScorer.finish(
                base: candidate.base, distance: candidate.distance, query: query, candidate: sourceText,
                candidateCodes: source.codes, origin: unit.origin, details: false)
            if score.percent == 100, let context = options.context, Self.contextMatches(context, unit) {
                score.percent = 101
            }
            guard score.percent >= options.minimum else { continue }
            let targets = Self.targets(of: unit, source: source, wanted: options.targets)
            guard !targets.isEmpty else { continue }
            scored.append((unit, source, sourceText, score, targets))
        }
        let percents = scored.flatMap { entry in entry.targets.map { _ in entry.score.percent } }.sorted(by: >)
        let cutoff = percents.count > options.limit ? percents[options.limit - 1] : Int.min
        var matches: [(match: LookupMatch, rank: Int)] = []
        for (unit, source, sourceText, shallow, targets) in scored where shallow.percent >= cutoff {
            let score = FuzzyScorer.detailed(shallow, query: query, candidate: sourceText)
            let differing = score.differingWords.compactMap { index -> String? in
                guard query.granularity == .token, index < query.wordRanges.count else { return query.granularity == .character ? text : nil }
                let range = query.wordRanges[index]
                let utf16 = text.utf16
                return String(utf16[utf16.index(utf16.startIndex, offsetBy: range.lowerBound)..<utf16.index(utf16.startIndex, offsetBy: range.upperBound)])
            }
            for (requested, variant, rank) in targets {
                let carried = NumberCarrier.carry(query: query, source: sourceText, target: variant.text)
                let match = LookupMatch(
                    score: score.percent, base: score.base, penalties: score.penalties, source: source.text,
                    sourceLanguage: source.language, target: carried ?? variant.text, storedTarget: variant.text,
                    targetLanguage: variant.language, requestedLanguage: requested, numbersCarried: carried != nil,
                    differingWords: differing, origin: unit.origin, tuid: unit.tuid, created: unit.created,
                    changed: unit.changed, unit: unit.unit, tieBreak: score.tieBreak)
                matches.append((match, rank))
            }
        }
        matches.sort { a, b in
            (a.match.score, a.match.tieBreak, a.rank, -a.match.unit) > (b.match.score, b.match.tieBreak, b.rank, -b.match.unit)
        }
        return matches.prefix(options.limit).map(\.match)
    }

    /// Whether an exact match's unit has the query's context.
    static func contextMatches(_ context: String, _ unit: MatchIndexDetails) -> Bool {
        if unit.tuid == context { return true }
        return unit.props.contains { contextPropTypes.contains($0.type.lowercased()) && $0.value == context }
    }

    /// The target variants to show: for each wanted language the best by fallback rank (exact, base
    /// or regional, sibling; first in document order on ties); every other variant when `wanted` is nil.
    static func targets(
        of unit: MatchIndexDetails, source: MatchIndexDetails.Variant, wanted: [LanguageTag]?
    ) -> [(LanguageTag?, MatchIndexDetails.Variant, Int)] {
        let others = unit.variants.filter { $0.id != source.id && !$0.language.sharesLanguage(with: source.language) }
        guard let wanted else { return others.map { (nil, $0, 0) } }
        var result: [(LanguageTag?, MatchIndexDetails.Variant, Int)] = []
        for language in wanted {
            var best: (MatchIndexDetails.Variant, Int)?
            for variant in others {
                guard let rank = language.fallbackRank(of: variant.language) else { continue }
                if best == nil || rank > best!.1 { best = (variant, rank) }
            }
            if let best { result.append((language, best.0, best.1)) }
        }
        return result
    }
}
