import GRDB
import TesseraStorage

/// The changes one batch makes to the counts that `stats` reads (`languageCount`, `pairCount`,
/// `importBatch.units`), gathered in memory while the batch writes and added to the tables by
/// ``write(_:)`` in the batch's transaction, so the counts always equal a recount of the rows.
///
/// A unit counts once in its batch, once per variant in that variant's language, and once per
/// distinct other language in the pair (its effective source language, that language).
struct MemoryCountChanges {
    /// A source and target language.
    private struct LanguagePair: Hashable {
        var source: String
        var target: String
    }

    private var languages: [String: Int] = [:]
    private var pairs: [LanguagePair: Int] = [:]
    private var batches: [Int64: Int] = [:]

    /// Counts a unit written (`sign` 1) or removed (`sign` -1).
    /// - Parameters:
    ///   - batch: the unit's batch id.
    ///   - source: its effective source language.
    ///   - languages: the languages of its variants, in any order, with repetitions.
    mutating func count(batch: Int64, source: String, languages variantLanguages: [String], sign: Int) {
        batches[batch, default: 0] += sign
        for (index, language) in variantLanguages.enumerated() {
            languages[language, default: 0] += sign
            if language != source, !variantLanguages[..<index].contains(language) {
                pairs[LanguagePair(source: source, target: language), default: 0] += sign
            }
        }
    }

    /// Adds the changes to the count tables; rows that fall to zero are deleted.
    func write(_ db: Database) throws {
        let language = try db.cachedStatement(sql: """
            INSERT INTO languageCount (lang, variants) VALUES (?, ?)
            ON CONFLICT (lang) DO UPDATE SET variants = variants + excluded.variants
            """)
        for (lang, change) in languages where change != 0 { try language.execute(arguments: [lang, change]) }
        let pair = try db.cachedStatement(sql: """
            INSERT INTO pairCount (sourceLang, targetLang, units) VALUES (?, ?, ?)
            ON CONFLICT (sourceLang, targetLang) DO UPDATE SET units = units + excluded.units
            """)
        for (key, change) in pairs where change != 0 { try pair.execute(arguments: [key.source, key.target, change]) }
        let batch = try db.cachedStatement(sql: "UPDATE importBatch SET units = units + ? WHERE id = ?")
        for (id, change) in batches where change != 0 { try batch.execute(arguments: [change, id]) }
        try db.execute(sql: "DELETE FROM languageCount WHERE variants = 0; DELETE FROM pairCount WHERE units = 0")
    }
}
