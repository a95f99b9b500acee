import GRDB
package import TesseraStorage

extension SQLiteTranslationStore {
    /// Counts of units, variants, languages, language pairs and batches.
    ///
    /// A unit gives one pair per other language it has: its effective source language to each
    /// distinct other variant language (a unit in de-DE, en-US and cs-CZ with source de-DE gives
    /// de-DE -> en-US and de-DE -> cs-CZ).
    ///
    /// ```swift
    /// let stats = try tm.stats()
    /// print(stats.units, stats.pairs.first?.units ?? 0)
    /// ```
    ///
    /// The counts are kept by every write in the same transaction (`languageCount`, `pairCount`,
    /// `importBatch.units`; Docs/STORAGE.md), so nothing is scanned.
    ///
    /// - Complexity: O(languages + pairs + batches).
    package func stats() throws(StorageError) -> MemoryStats {
        try read { db in
            let languages = try Row.fetchAll(
                db, sql: "SELECT lang, variants FROM languageCount WHERE variants > 0 ORDER BY variants DESC, lang"
            ).map { MemoryStats.LanguageCount(language: $0[0], variants: $0[1]) }
            let pairs = try Row.fetchAll(
                db,
                sql: """
                    SELECT sourceLang, targetLang, units FROM pairCount WHERE units > 0
                    ORDER BY units DESC, sourceLang, targetLang
                    """
            ).map { MemoryStats.PairCount(source: $0[0], target: $0[1], units: $0[2]) }
            let batches = try Row.fetchAll(
                db, sql: "SELECT id, kind, filePath, startedAt, finishedAt, units FROM importBatch ORDER BY id"
            ).map {
                MemoryStats.Batch(
                    id: $0[0], kind: $0[1], filePath: $0[2], startedAt: $0[3], finishedAt: $0[4], units: $0[5])
            }
            return MemoryStats(
                units: batches.reduce(0) { $0 + $1.units }, variants: languages.reduce(0) { $0 + $1.variants },
                languages: languages, pairs: pairs, batches: batches)
        }
    }
}

extension SQLiteTranslationStore {
    /// The number of units per effective source language, most frequent first.
    ///
    /// - Complexity: one scan of `unit`.
    package func sourceLanguageCounts() throws(StorageError) -> [(language: String, units: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sourceLang, COUNT(*) AS n FROM unit GROUP BY sourceLang ORDER BY n DESC, sourceLang")
                .map { (language: $0[0], units: $0[1]) }
        }
    }
}

extension SQLiteTranslationStore {
    /// The highest variant id: an upper bound of the number of variants, read in O(1) from the
    /// end of the table's b-tree (a `COUNT(*)` would scan it).
    package func variantIDBound() throws(StorageError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM variant") ?? 0 }
    }
}
