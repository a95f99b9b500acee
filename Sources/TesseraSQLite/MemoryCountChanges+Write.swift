import GRDB
import TesseraStorage

extension MemoryCountChanges {
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
