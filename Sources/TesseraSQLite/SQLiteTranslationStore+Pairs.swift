import GRDB
package import TesseraStorage
package import TesseraCore

extension SQLiteTranslationStore {
    /// The plain texts of the most recent units holding both languages, oldest first: for each
    /// unit the best variant of each language (``TranslationUnit/bestVariant(for:)``: exact tag,
    /// then the base language, then a sibling region; the first in document order on a tie), and
    /// only when the two variants differ in language.
    ///
    /// Reads the variants from the newest unit backwards and stops after `limit` units, so the
    /// cost depends on how recent the pair's units are, not on the size of the memory (the
    /// aligner's memory lexicon reads 20,000 pairs of a 1M-unit memory this way).
    ///
    /// ```swift
    /// let pairs = try tm.recentPairs(source: LanguageTag("en")!, target: LanguageTag("de")!, limit: 20_000)
    /// ```
    /// - Throws: ``StorageError`` when the database cannot be read.
    /// - Complexity: O(v) rows for the v variants of the two base languages in the units read.
    package func recentPairs(source: LanguageTag, target: LanguageTag, limit: Int) throws(StorageError) -> [(source: String, target: String)] {
        guard limit > 0 else { return [] }
        return try read { db in
            var pairs: [(source: String, target: String)] = []
            // Newest unit first; inside a unit the highest id first, so `>=` keeps the first
            // variant in document order on a tie.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT unitId, lang, plain FROM variant WHERE base IN (?, ?) ORDER BY unitId DESC, id DESC
                """, arguments: [source.language, target.language])
            var unit: Int64 = -1
            var best: (source: (rank: Int, tag: LanguageTag, text: String)?, target: (rank: Int, tag: LanguageTag, text: String)?)
            func flush() {
                if let bestSource = best.source, let bestTarget = best.target, bestSource.tag != bestTarget.tag {
                    pairs.append((bestSource.text, bestTarget.text))
                }
                best = (nil, nil)
            }
            var tags: [String: LanguageTag] = [:]
            while pairs.count < limit, let row = try rows.next() {
                let id: Int64 = row[0]
                if id != unit {
                    flush()
                    unit = id
                    if pairs.count >= limit { break }
                }
                let tagText: String = row[1]
                guard let tag = tags[tagText] ?? LanguageTag(tagText) else { continue }
                tags[tagText] = tag
                if let rank = source.fallbackRank(of: tag), rank >= (best.source?.rank ?? 0) {
                    best.source = (rank, tag, row[2])
                }
                if let rank = target.fallbackRank(of: tag), rank >= (best.target?.rank ?? 0) {
                    best.target = (rank, tag, row[2])
                }
            }
            if pairs.count < limit { flush() }
            return pairs.reversed()
        }
    }
}
