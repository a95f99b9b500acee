import Foundation
package import GRDB
package import TesseraStorage

/// The SQLite ``APIKeyStore``: the `api_key` table in the same file as the translation memory,
/// with its own migrations (identifiers prefixed `keys-`, so they never collide with the memory's
/// or the glossaries' in the shared `grdb_migrations` table).
///
/// ```swift
/// let store = try SQLiteAPIKeyStore.open(path: "tessera.db")
/// ```
package final class SQLiteAPIKeyStore: SQLiteDatabase, APIKeyStore, SQLiteStoreFile, @unchecked Sendable {
    // @unchecked Sendable: restated from SQLiteDatabase (no state of its own).

    package static let migrationFailure = "Cannot migrate the API key table of"

    /// The key migrations, append-only.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("keys-v1: api_key") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_key (
                        id INTEGER PRIMARY KEY,
                        prefix TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE,
                        scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
                        memory TEXT,
                        created TEXT NOT NULL
                    );
                    CREATE INDEX api_key_prefix ON api_key(prefix);
                    """)
        }
        return migrator
    }

    /// Inserts the key, dated now unless it has a date; returns it with its row id.
    package func add(_ record: APIKeyRecord) throws -> APIKeyRecord {
        var stored = record
        stored.created = record.created ?? ISO8601DateFormatter().string(from: Date())
        stored.id = try write { db in
            try db.execute(
                sql: "INSERT INTO api_key (prefix, hash, scope, memory, created) VALUES (?, ?, ?, ?, ?)",
                arguments: [stored.prefix, stored.hash, stored.scope.rawValue, stored.memory, stored.created])
            return db.lastInsertedRowID
        }
        return stored
    }

    /// The keys with `prefix`, oldest first.
    package func keys(prefix: String) throws -> [APIKeyRecord] {
        try fetch("SELECT id, prefix, hash, scope, memory, created FROM api_key WHERE prefix = ? ORDER BY id", [prefix])
    }

    /// Every key, oldest first.
    package func allKeys() throws -> [APIKeyRecord] {
        try fetch("SELECT id, prefix, hash, scope, memory, created FROM api_key ORDER BY id", [])
    }

    /// Writes `records` with their ids and dates unchanged, in one transaction, into a key table
    /// that holds no key.
    package func restore(_ records: [APIKeyRecord]) throws {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM api_key)") == true {
                throw StorageError(.notEmpty, "\(path) already holds API keys; a copy goes only into a store without keys.")
            }
            let insert = try db.cachedStatement(
                sql: "INSERT INTO api_key (id, prefix, hash, scope, memory, created) VALUES (?, ?, ?, ?, ?, ?)")
            for record in records {
                guard let id = record.id, let created = record.created else {
                    throw StorageError(.corruptData, "API key \(record.prefix) has no id or creation time to restore.")
                }
                try insert.execute(arguments: [id, record.prefix, record.hash, record.scope.rawValue, record.memory, created])
            }
        }
    }

    /// Deletes the key with `id`; whether a row was deleted.
    package func revoke(id: Int64) throws -> Bool {
        return try write { db in
            try db.execute(sql: "DELETE FROM api_key WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) throws -> [APIKeyRecord] {
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                guard let scope = APIKeyRecord.Scope(rawValue: row["scope"]) else {
                    throw StorageError(.corruptData, "API key \(row["id"] as Int64) has an unknown scope")
                }
                return APIKeyRecord(
                    id: row["id"], prefix: row["prefix"], hash: row["hash"], scope: scope, memory: row["memory"],
                    created: row["created"])
            }
        }
    }
}
