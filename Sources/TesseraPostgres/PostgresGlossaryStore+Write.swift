import Foundation
import PostgresNIO
package import TesseraCore
package import TesseraStorage
import TesseraText

extension PostgresGlossaryStore {
    /// Stores a glossary, replacing any glossary of the same name, in one transaction under the
    /// schema's write lock: the old one is deleted (its concepts and terms by cascade), the
    /// concepts and terms are streamed in with `COPY` (concept ids taken from their sequence first,
    /// so that terms can name them).
    /// - Returns: Counts written.
    /// - Throws: ``StorageError``; nothing is changed then.
    /// - Complexity: O(n) in the number of terms.
    @discardableResult
    package func replaceGlossary(_ glossary: Glossary, origin: String?) throws(StorageError) -> GlossaryWriteReport {
        var rows = GlossaryRows()
        let logger = pool.logger
        return try write { connection -> GlossaryWriteReport in
            try connection.run("SELECT pg_advisory_xact_lock(\(writeLockKey))", logger: logger)
            let deleted = try connection.run("DELETE FROM glossary WHERE name = \(glossary.name) RETURNING id", logger: logger)
            let replaced = try deleted.map { try $0.decode(Int64.self) }.first != nil
            let importedAt = ISO8601DateFormatter().string(from: Date())
            let glossaryID = try connection.run(
                "INSERT INTO glossary (name, origin, imported_at) VALUES (\(glossary.name), \(origin), \(importedAt)) RETURNING id",
                logger: logger
            ).map { try $0.decode(Int64.self) }.first ?? 0
            let count = glossary.entries.count
            let conceptIDs = try connection.run(
                "SELECT nextval(pg_get_serial_sequence('concept', 'id')) FROM generate_series(1, \(count))", logger: logger
            ).map { try $0.decode(Int64.self) }
            let concepts = PostgresCopy(
                connection: connection, table: "concept",
                columns: ["id", "glossary_id", "concept_key", "subject", "definitions", "notes", "source", "position", "categories"],
                logger: logger)
            do {
                for (position, entry) in glossary.entries.enumerated() {
                    let row = try rows.concept(entry)
                    try concepts.append([
                        .bigint(conceptIDs[position]), .bigint(glossaryID), .text(row.key), .text(row.subject), .text(row.definitions),
                        .text(row.notes), .text(row.source), .integer(Int32(clamping: position)), .text(row.categories),
                    ])
                }
                try concepts.finish()
            } catch {
                concepts.cancel()
                throw error
            }
            let terms = PostgresCopy(
                connection: connection, table: "term",
                columns: [
                    "concept_id", "language", "base_language", "text", "folded", "stemmed", "part_of_speech", "status", "note",
                    "position", "categories",
                ], logger: logger)
            var termCount = 0
            do {
                for (position, entry) in glossary.entries.enumerated() {
                    for (termPosition, term) in entry.terms.enumerated() {
                        let row = try rows.term(term)
                        try terms.append([
                            .bigint(conceptIDs[position]), .text(row.language), .text(row.baseLanguage), .text(row.text),
                            .text(row.folded), .text(row.stemmed), .text(row.partOfSpeech), .text(row.status), .text(row.note),
                            .integer(Int32(clamping: termPosition)), .text(row.categories),
                        ])
                        termCount += 1
                    }
                }
                try terms.finish()
            } catch {
                terms.cancel()
                throw error
            }
            return GlossaryWriteReport(glossary: glossary.name, concepts: count, terms: termCount, replaced: replaced)
        }
    }

    /// Deletes a glossary (its concepts and terms by cascade); returns whether it existed.
    @discardableResult
    package func deleteGlossary(named name: String) throws(StorageError) -> Bool {
        let logger = pool.logger
        return try write { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(writeLockKey))", logger: logger)
            return try connection.run("DELETE FROM glossary WHERE name = \(name) RETURNING id", logger: logger)
                .map { try $0.decode(Int64.self) }.first != nil
        }
    }
}
