import Foundation
package import GRDB
import TesseraCore
import TesseraStorage
import TesseraText

/// The SQLite backend of ``GlossaryStore``: glossaries stored in the same SQLite file as the translation memory, in their own tables
/// (`glossary`, `concept`, `term`) with their own migrations (identifiers prefixed `glossary-`, so
/// they never collide with ``SQLiteTranslationStore``'s schema in the shared `grdb_migrations` table).
///
/// Each term row keeps its folded text and its stemmed key sequence (``TermNormalizer``), so that
/// lookups and ``termPairs(source:target:)`` need no re-normalisation. An import runs in one
/// transaction: a failure leaves the file as it was. Every method is synchronous and may be called
/// from any thread (an async front end runs them on a thread pool).
///
/// ```swift
/// let store = try SQLiteGlossaryStore.open(path: "tessera.db")
/// try store.replaceGlossary(Glossary(name: "defence", entries: entries), origin: "defence.tbx")
/// let pairs = try store.termPairs(source: LanguageTag("en")!, target: LanguageTag("de")!)
/// ```
package final class SQLiteGlossaryStore: SQLiteDatabase, GlossaryStore, SQLiteStoreFile, @unchecked Sendable {
    // @unchecked Sendable: restated from SQLiteDatabase (no state of its own).

    package static let migrationFailure = "Cannot migrate the glossary tables of"

    /// The glossary migrations, append-only.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("glossary-v1: glossary, concept, term") { db in
            try db.execute(sql: """
                CREATE TABLE glossary (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    origin TEXT,
                    importedAt TEXT NOT NULL
                );
                CREATE TABLE concept (
                    id INTEGER PRIMARY KEY,
                    glossaryId INTEGER NOT NULL REFERENCES glossary(id) ON DELETE CASCADE,
                    conceptKey TEXT NOT NULL,
                    subject TEXT,
                    definitions TEXT NOT NULL,
                    notes TEXT NOT NULL,
                    source TEXT,
                    position INTEGER NOT NULL
                );
                CREATE INDEX concept_glossary ON concept(glossaryId, position);
                CREATE TABLE term (
                    id INTEGER PRIMARY KEY,
                    conceptId INTEGER NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
                    language TEXT NOT NULL,
                    baseLanguage TEXT NOT NULL,
                    text TEXT NOT NULL,
                    folded TEXT NOT NULL,
                    stemmed TEXT NOT NULL,
                    partOfSpeech TEXT,
                    status TEXT,
                    note TEXT,
                    position INTEGER NOT NULL
                );
                CREATE INDEX term_concept ON term(conceptId, position);
                CREATE INDEX term_key ON term(baseLanguage, stemmed);
                """)
        }
        migrator.registerMigration("glossary-v2: term folded-length index") { db in
            // The fuzzy fallback of `term` reads the terms in a length window from this index
            // (covering: the folded text is in it) instead of scanning the table.
            try db.execute(sql: "CREATE INDEX term_folded_length ON term(baseLanguage, length(folded), folded)")
        }
        migrator.registerMigration("glossary-v3: data categories") { db in
            // Every TBX data category kept at import (DataCategory trees as JSON): on the concept,
            // keyed by language ("" for the concept level); on the term, a list. NULL when none.
            try db.execute(sql: """
                ALTER TABLE concept ADD COLUMN categories TEXT;
                ALTER TABLE term ADD COLUMN categories TEXT;
                """)
        }
        return migrator
    }
}
