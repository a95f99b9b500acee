import Foundation
import PostgresNIO
package import TesseraCore
package import TesseraStorage

extension PostgresTranslationStore {
    /// Counts of units, variants, languages, language pairs and batches, from the counts kept by
    /// every write (`language_count`, `pair_count`, `import_batch.units`): nothing is scanned.
    ///
    /// - Complexity: O(languages + pairs + batches), one snapshot.
    package func stats() throws(StorageError) -> MemoryStats {
        try snapshot { connection in
            let logger = pool.logger
            let languages = try connection.run(
                "SELECT lang, variants FROM language_count WHERE variants > 0 ORDER BY variants DESC, lang", logger: logger
            ).map { row in
                let (language, variants) = try row.decode((String, Int64).self)
                return MemoryStats.LanguageCount(language: language, variants: Int(variants))
            }
            let pairs = try connection.run(
                """
                SELECT source_lang, target_lang, units FROM pair_count WHERE units > 0
                ORDER BY units DESC, source_lang, target_lang
                """, logger: logger
            ).map { row in
                let (source, target, units) = try row.decode((String, String, Int64).self)
                return MemoryStats.PairCount(source: source, target: target, units: Int(units))
            }
            let batches = try connection.run(
                "SELECT id, kind, file_path, started_at, finished_at, units FROM import_batch ORDER BY id", logger: logger
            ).map { row in
                let (id, kind, path, started, finished, units) = try row.decode((Int64, String, String, String, String?, Int64).self)
                return MemoryStats.Batch(id: id, kind: kind, filePath: path, startedAt: started, finishedAt: finished, units: Int(units))
            }
            return MemoryStats(
                units: batches.reduce(0) { $0 + $1.units }, variants: languages.reduce(0) { $0 + $1.variants },
                languages: languages, pairs: pairs, batches: batches)
        }
    }

    /// The number of units per effective source language, most frequent first.
    ///
    /// - Complexity: one scan of `unit`.
    package func sourceLanguageCounts() throws(StorageError) -> [(language: String, units: Int)] {
        try read { connection in
            try connection.run(
                "SELECT source_lang, count(*) AS n FROM unit GROUP BY source_lang ORDER BY n DESC, source_lang", logger: pool.logger
            ).map { row in
                let (language, units) = try row.decode((String, Int64).self)
                return (language: language, units: Int(units))
            }
        }
    }

    /// The `srclang` of every TMX header imported whose batch still holds units (its kept count
    /// is positive), distinct (`*all*` included as ``LanguageTag/all``).
    ///
    /// - Complexity: one pass over the import batches.
    package func headerSourceLanguages() throws(StorageError) -> Set<LanguageTag> {
        let headers = try read { connection in
            try connection.run("SELECT header FROM import_batch WHERE header IS NOT NULL AND units > 0", logger: pool.logger)
                .map { try $0.decode(String.self) }
        }
        let decoder = JSONDecoder()
        var languages: Set<LanguageTag> = []
        for header in headers {
            guard let decoded = try? decoder.decode(TMXHeader.self, from: Data(header.utf8)), let language = decoded.sourceLanguage else { continue }
            languages.insert(language)
        }
        return languages
    }

    /// The plain texts of the most recent units holding both languages, oldest first
    /// (``RecentPairCollector``), read backwards from the newest unit a page at a time, so the
    /// cost depends on how recent the pair's units are, not on the size of the memory.
    package func recentPairs(source: LanguageTag, target: LanguageTag, limit: Int) throws(StorageError) -> [(source: String, target: String)] {
        guard limit > 0 else { return [] }
        return try snapshot { connection in
            var collector = RecentPairCollector(source: source, target: target, limit: limit)
            var last = (unit: Int64.max, id: Int64.max)
            let page: Int64 = 5000
            while collector.wantsMore {
                let rows = try connection.run(
                    """
                    SELECT unit_id, id, lang, plain FROM variant
                    WHERE base IN (\(source.language), \(target.language)) AND (unit_id, id) < (\(last.unit), \(last.id))
                    ORDER BY unit_id DESC, id DESC LIMIT \(page)
                    """, logger: pool.logger
                ).map { try $0.decode((Int64, Int64, String, String).self) }
                for (unit, id, lang, plain) in rows where collector.wantsMore {
                    collector.add(unit: unit, language: lang, text: plain)
                    last = (unit, id)
                }
                if rows.count < page { break }
            }
            return collector.finish()
        }
    }
}
