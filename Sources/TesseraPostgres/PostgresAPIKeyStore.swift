import Foundation
import PostgresNIO
package import TesseraStorage

/// The PostgreSQL ``APIKeyStore``: the `api_key` table in the store's schema, with its own
/// migrations (named `keys v1: ...` in the shared `tessera_migration` table). It behaves as the
/// SQLite backend (`SQLiteAPIKeyStore`): keys oldest first, looked up by prefix (index
/// `api_key_prefix`), only hashes stored.
///
/// ```swift
/// let keys = try PostgresAPIKeyStore.open(location: try PostgresLocation(url: url))
/// ```
package final class PostgresAPIKeyStore: PostgresStore, PostgresStoreSchema, APIKeyStore, @unchecked Sendable {
    // @unchecked Sendable: restated from PostgresStore (no state of its own).

    /// The key migrations, append-only.
    package static let migrations: [PostgresMigration] = [
        PostgresMigration("keys v1: api_key", [
            """
            CREATE TABLE api_key (
                id bigserial PRIMARY KEY,
                prefix text NOT NULL,
                hash text NOT NULL UNIQUE,
                scope text NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
                memory text,
                created text NOT NULL)
            """,
            "CREATE INDEX api_key_prefix ON api_key (prefix)",
        ])
    ]

    /// Inserts the key, dated now unless it has a date; returns it with its id.
    /// - Throws: ``StorageError`` when the database cannot be written.
    package func add(_ record: APIKeyRecord) throws -> APIKeyRecord {
        var stored = record
        let created = record.created ?? ISO8601DateFormatter().string(from: Date())
        stored.created = created
        let logger = pool.logger
        stored.id = try write { connection in
            try connection.run(
                """
                INSERT INTO api_key (prefix, hash, scope, memory, created)
                VALUES (\(record.prefix), \(record.hash), \(record.scope.rawValue), \(record.memory), \(created)) RETURNING id
                """, logger: logger
            ).map { try $0.decode(Int64.self) }.first
        }
        return stored
    }

    /// The keys with `prefix`, oldest first.
    /// - Throws: ``StorageError`` when the database cannot be read.
    package func keys(prefix: String) throws -> [APIKeyRecord] {
        try fetch("SELECT id, prefix, hash, scope, memory, created FROM api_key WHERE prefix = \(prefix) ORDER BY id")
    }

    /// Every key, oldest first.
    /// - Throws: ``StorageError`` when the database cannot be read.
    package func allKeys() throws -> [APIKeyRecord] {
        try fetch("SELECT id, prefix, hash, scope, memory, created FROM api_key ORDER BY id")
    }

    /// Writes `records` with their ids and dates into a store without keys, in one transaction,
    /// and moves the id sequence past them (a key added later gets a new id).
    /// - Throws: ``StorageError`` `notEmpty` when the store holds a key, `corruptData` for a
    ///   record without id or date; nothing is written then.
    package func restore(_ records: [APIKeyRecord]) throws {
        let logger = pool.logger
        let place = location.description
        try write { connection in
            try connection.run("LOCK TABLE api_key IN EXCLUSIVE MODE", logger: logger)
            if try connection.run("SELECT EXISTS (SELECT 1 FROM api_key)", logger: logger).map({ try $0.decode(Bool.self) }).first == true {
                throw StorageError(.notEmpty, "\(place) already holds API keys; a copy goes only into a store without keys.")
            }
            for record in records {
                guard let id = record.id, let created = record.created else {
                    throw StorageError(.corruptData, "API key \(record.prefix) has no id or creation time to restore.")
                }
                try connection.run(
                    """
                    INSERT INTO api_key (id, prefix, hash, scope, memory, created)
                    VALUES (\(id), \(record.prefix), \(record.hash), \(record.scope.rawValue), \(record.memory), \(created))
                    """, logger: logger)
            }
            try connection.run(
                "SELECT setval(pg_get_serial_sequence('api_key', 'id'), GREATEST((SELECT max(id) FROM api_key), 1))", logger: logger)
        }
    }

    /// Deletes the key with `id`; whether a row was deleted.
    /// - Throws: ``StorageError`` when the database cannot be written.
    package func revoke(id: Int64) throws -> Bool {
        let logger = pool.logger
        return try write { connection in
            try connection.run("DELETE FROM api_key WHERE id = \(id) RETURNING id", logger: logger)
                .map { try $0.decode(Int64.self) }.first != nil
        }
    }

    private func fetch(_ query: PostgresQuery) throws(StorageError) -> [APIKeyRecord] {
        let logger = pool.logger
        return try read { connection in
            try connection.run(query, logger: logger).map { row in
                let (id, prefix, hash, scopeText, memory, created) = try row.decode((Int64, String, String, String, String?, String).self)
                guard let scope = APIKeyRecord.Scope(rawValue: scopeText) else {
                    throw StorageError(.corruptData, "API key \(id) has an unknown scope")
                }
                return APIKeyRecord(id: id, prefix: prefix, hash: hash, scope: scope, memory: memory, created: created)
            }
        }
    }
}
