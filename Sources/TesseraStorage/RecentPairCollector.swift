package import TesseraCore

/// The rule of ``TranslationStore/recentPairs(source:target:limit:)`` over rows read newest unit
/// first: for each unit the best variant of each language (``TranslationUnit/bestVariant(for:)``:
/// exact tag, then the base language, then a sibling region; the first in document order on a
/// tie), kept only when the two variants differ in language, until `limit` pairs.
///
/// A backend feeds it the variants of the two base languages ordered by unit id descending, then
/// variant id descending (so `>=` keeps the first variant in document order on a tie).
///
/// ```swift
/// var collector = RecentPairCollector(source: en, target: de, limit: 100)
/// while collector.wantsMore, let row = try rows.next() { collector.add(unit: row.unit, language: row.lang, text: row.plain) }
/// let pairs = collector.finish()
/// ```
package struct RecentPairCollector {
    private let source: LanguageTag
    private let target: LanguageTag
    private let limit: Int
    private var pairs: [(source: String, target: String)] = []
    private var unit: Int64 = -1
    private var best: (source: (rank: Int, tag: LanguageTag, text: String)?, target: (rank: Int, tag: LanguageTag, text: String)?)
    private var tags: [String: LanguageTag] = [:]

    /// Starts collecting at most `limit` pairs.
    package init(source: LanguageTag, target: LanguageTag, limit: Int) {
        self.source = source
        self.target = target
        self.limit = limit
    }

    /// Whether more rows may add a pair.
    package var wantsMore: Bool { pairs.count < limit }

    /// Takes one variant row (unit id descending, then variant id descending).
    package mutating func add(unit id: Int64, language: String, text: String) {
        if id != unit {
            flush()
            unit = id
            if pairs.count >= limit { return }
        }
        guard let tag = tags[language] ?? LanguageTag(language) else { return }
        tags[language] = tag
        if let rank = source.fallbackRank(of: tag), rank >= (best.source?.rank ?? 0) { best.source = (rank, tag, text) }
        if let rank = target.fallbackRank(of: tag), rank >= (best.target?.rank ?? 0) { best.target = (rank, tag, text) }
    }

    /// The pairs, oldest first.
    package mutating func finish() -> [(source: String, target: String)] {
        if pairs.count < limit { flush() }
        return pairs.reversed()
    }

    private mutating func flush() {
        if pairs.count < limit, let bestSource = best.source, let bestTarget = best.target, bestSource.tag != bestTarget.tag {
            pairs.append((bestSource.text, bestTarget.text))
        }
        best = (nil, nil)
    }
}
