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
            var collector = RecentPairCollector(source: source, target: target, limit: limit)
            // Newest unit first; inside a unit the highest id first (RecentPairCollector).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT unitId, lang, plain FROM variant WHERE base IN (?, ?) ORDER BY unitId DESC, id DESC
                """, arguments: [source.language, target.language])
            while collector.wantsMore, let row = try rows.next() {
                collector.add(unit: row[0], language: row[1], text: row[2])
            }
            return collector.finish()
        }
    }
}
