import Foundation
import GRDB
package import TesseraCore
package import TesseraStorage
import TesseraText

extension SQLiteGlossaryStore {
    /// Stores a glossary, replacing any glossary of the same name, in one transaction.
    /// - Parameters:
    ///   - glossary: The glossary.
    ///   - origin: Where it came from (file names), if known.
    /// - Returns: Counts written.
    /// - Throws: ``StorageError``; nothing is changed then.
    /// - Complexity: O(n) in the number of terms.
    @discardableResult
    package func replaceGlossary(_ glossary: Glossary, origin: String?) throws(StorageError) -> GlossaryWriteReport {
        var rows = GlossaryRows()
        return try write { db -> GlossaryWriteReport in
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM glossary WHERE name = ?", arguments: [glossary.name])
            if let existing {
                try db.execute(sql: "DELETE FROM term WHERE conceptId IN (SELECT id FROM concept WHERE glossaryId = ?)", arguments: [existing])
                try db.execute(sql: "DELETE FROM concept WHERE glossaryId = ?", arguments: [existing])
                try db.execute(sql: "DELETE FROM glossary WHERE id = ?", arguments: [existing])
            }
            try db.execute(
                sql: "INSERT INTO glossary (name, origin, importedAt) VALUES (?, ?, ?)",
                arguments: [glossary.name, origin, ISO8601DateFormatter().string(from: Date())])
            let glossaryID = db.lastInsertedRowID
            let conceptStatement = try db.makeStatement(sql: """
                INSERT INTO concept (glossaryId, conceptKey, subject, definitions, notes, source, position, categories)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let termStatement = try db.makeStatement(sql: """
                INSERT INTO term (conceptId, language, baseLanguage, text, folded, stemmed, partOfSpeech, status, note, position, categories)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var terms = 0
            for (position, entry) in glossary.entries.enumerated() {
                let concept = try rows.concept(entry)
                try conceptStatement.execute(arguments: [
                    glossaryID, concept.key, concept.subject, concept.definitions, concept.notes, concept.source, position,
                    concept.categories,
                ])
                let conceptID = db.lastInsertedRowID
                for (termPosition, term) in entry.terms.enumerated() {
                    let row = try rows.term(term)
                    try termStatement.execute(arguments: [
                        conceptID, row.language, row.baseLanguage, row.text, row.folded, row.stemmed, row.partOfSpeech, row.status,
                        row.note, termPosition, row.categories,
                    ])
                    terms += 1
                }
            }
            return GlossaryWriteReport(glossary: glossary.name, concepts: glossary.entries.count, terms: terms, replaced: existing != nil)
        }
    }

    /// Deletes a glossary; returns whether it existed.
    @discardableResult
    package func deleteGlossary(named name: String) throws(StorageError) -> Bool {
        return try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM glossary WHERE name = ?", arguments: [name]) else {
                return false
            }
            try db.execute(sql: "DELETE FROM term WHERE conceptId IN (SELECT id FROM concept WHERE glossaryId = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM concept WHERE glossaryId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM glossary WHERE id = ?", arguments: [id])
            return true
        }
    }
}
