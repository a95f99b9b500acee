import GRDB

extension TranslationMemory {
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
    /// - Complexity: one scan of `unit` and `variant`.
    public func stats() throws(StorageError) -> MemoryStats {
        try read { db in
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            let variants = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variant") ?? 0
            let languages = try Row.fetchAll(
                db, sql: "SELECT lang, COUNT(*) FROM variant GROUP BY lang ORDER BY COUNT(*) DESC, lang"
            ).map { MemoryStats.LanguageCount(language: $0[0], variants: $0[1]) }
            let pairs = try Row.fetchAll(
                db,
                sql: """
                    SELECT unit.sourceLang, variant.lang, COUNT(DISTINCT unit.id) AS n
                    FROM unit JOIN variant ON variant.unitId = unit.id
                    WHERE variant.lang <> unit.sourceLang
                    GROUP BY unit.sourceLang, variant.lang ORDER BY n DESC, unit.sourceLang, variant.lang
                    """
            ).map { MemoryStats.PairCount(source: $0[0], target: $0[1], units: $0[2]) }
            let batches = try Row.fetchAll(
                db,
                sql: """
                    SELECT b.id, b.kind, b.filePath, b.startedAt, b.finishedAt, IFNULL(c.n, 0)
                    FROM importBatch b LEFT JOIN (SELECT batchId, COUNT(*) AS n FROM unit GROUP BY batchId) c
                    ON c.batchId = b.id ORDER BY b.id
                    """
            ).map {
                MemoryStats.Batch(
                    id: $0[0], kind: $0[1], filePath: $0[2], startedAt: $0[3], finishedAt: $0[4], units: $0[5])
            }
            return MemoryStats(units: units, variants: variants, languages: languages, pairs: pairs, batches: batches)
        }
    }
}

extension TranslationMemory {
    /// The number of units per effective source language, most frequent first.
    ///
    /// - Complexity: one scan of `unit`.
    public func sourceLanguageCounts() throws(StorageError) -> [(language: String, units: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sourceLang, COUNT(*) AS n FROM unit GROUP BY sourceLang ORDER BY n DESC, sourceLang")
                .map { (language: $0[0], units: $0[1]) }
        }
    }
}

extension TranslationMemory {
    /// The highest variant id: an upper bound of the number of variants, read in O(1) from the
    /// end of the table's b-tree (a `COUNT(*)` would scan it).
    public func variantIDBound() throws(StorageError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM variant") ?? 0 }
    }
}
