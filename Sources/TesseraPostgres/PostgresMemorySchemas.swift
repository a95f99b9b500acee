import PostgresNIO
package import TesseraStorage

/// The memories of a PostgreSQL store as schemas: the default memory (with the glossaries and the
/// API keys) is the URL's schema `S`; the named memory `NAME` is the schema `S_m_NAME`, holding
/// its own translation-memory tables. Listing is a look at `pg_namespace` for that prefix; a
/// delete is `DROP SCHEMA ... CASCADE`. Creates and deletes run under the database's migration
/// lock, so they never interleave with each other or with a migration.
///
/// A memory name (ASCII letters, digits, `-`, `_`, lower case) is written into the schema name
/// with `_` doubled and `-` as `_d`, so that every name has its own schema and the schema is a
/// plain identifier; PostgreSQL's 63-byte limit on names bounds the length of a name (53
/// characters with the default schema `tessera`).
///
/// ```swift
/// let memories = PostgresMemorySchemas(pool: pool)          // pool of schema "tessera"
/// try memories.create("legal")                              // schema tessera_m_legal
/// try memories.names()                                      // ["legal"]
/// ```
package struct PostgresMemorySchemas: Sendable {
    /// The connections of the store (any schema of its database will do).
    package let pool: PostgresPool
    /// The store's own schema: the default memory's.
    package let base: String

    /// The memories of the store whose default schema is the pool's.
    package init(pool: PostgresPool) {
        self.pool = pool
        base = pool.location.schema
    }

    /// The prefix of every named memory's schema.
    var prefix: String { base + "_m_" }

    /// The schema of the memory `name` of the store in schema `base`.
    /// - Throws: ``StorageError`` `.cannotOpen` when `name` has other characters than lower-case
    ///   ASCII letters, digits, `-` and `_`, or makes a schema name over 63 bytes.
    package static func schema(base: String, memory name: String) throws(StorageError) -> String {
        var encoded = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": encoded.unicodeScalars.append(scalar)
            case "_": encoded += "__"
            case "-": encoded += "_d"
            default:
                throw StorageError(.cannotOpen, "'\(name)' is not a memory name: use lower-case ASCII letters, digits, '-' or '_'.")
            }
        }
        let schema = base + "_m_" + encoded
        guard !name.isEmpty, schema.utf8.count <= 63 else {
            throw StorageError(
                .cannotOpen,
                "The memory name '\(name)' is too long for the PostgreSQL schema \(base): its schema \(schema) would pass PostgreSQL's 63 bytes.")
        }
        return schema
    }

    /// The memory name of a schema made by ``schema(base:memory:)``, or `nil` for another schema.
    static func memory(ofSchema schema: String, prefix: String) -> String? {
        guard schema.hasPrefix(prefix) else { return nil }
        var name = ""
        var escaped = false
        for scalar in schema.unicodeScalars.dropFirst(prefix.unicodeScalars.count) {
            if escaped {
                switch scalar {
                case "_": name += "_"
                case "d": name += "-"
                default: return nil
                }
                escaped = false
            } else if scalar == "_" {
                escaped = true
            } else {
                name.unicodeScalars.append(scalar)
            }
        }
        return escaped || name.isEmpty ? nil : name
    }

    /// Whether the store's own schema exists (the default memory is there).
    package func storeExists() throws(StorageError) -> Bool {
        try schemaExists(base)
    }

    /// Whether the memory `name` exists.
    package func contains(_ name: String) throws(StorageError) -> Bool {
        try schemaExists(Self.schema(base: base, memory: name))
    }

    /// The named memories, by name (the default memory is not among them).
    package func names() throws(StorageError) -> [String] {
        let prefix = prefix
        return try pool.withConnection { connection in
            try connection.run("SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname::text, \(prefix))", logger: pool.logger)
                .map { try $0.decode(String.self) }
        }.compactMap { Self.memory(ofSchema: $0, prefix: prefix) }.sorted()
    }

    /// Creates the schema of the memory `name` (and the store's own schema when missing); its
    /// tables are made by the translation store's migrations when it is first opened.
    /// - Returns: `false` when the memory exists already.
    package func create(_ name: String) throws(StorageError) -> Bool {
        let schema = try Self.schema(base: base, memory: name)
        return try locked { connection in
            try connection.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(base)"), logger: pool.logger)
            guard try !exists(schema, on: connection) else { return false }
            try connection.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: pool.logger)
            return true
        }
    }

    /// Drops the schema of the memory `name` with everything in it (`DROP SCHEMA ... CASCADE`,
    /// which waits for transactions using its tables to end).
    /// - Returns: `false` when there was no such memory.
    package func drop(_ name: String) throws(StorageError) -> Bool {
        let schema = try Self.schema(base: base, memory: name)
        return try locked { connection in
            guard try exists(schema, on: connection) else { return false }
            try connection.run(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: pool.logger)
            return true
        }
    }

    /// Drops the store's own schema when all it holds is a memory without units: no glossary,
    /// no API key table, no named memory (what a first import that failed leaves behind, so
    /// that it changes nothing). Holds the migration lock, then waits for the memory's writer
    /// (its write lock), so a concurrent import that commits first is kept.
    /// - Returns: whether the schema was dropped.
    package func dropIfEmpty() throws(StorageError) -> Bool {
        let base = base
        let prefix = prefix
        let memoryMigrations = Set(PostgresTranslationStore.migrations.map(\.name))
        return try locked { connection in
            guard try exists(base, on: connection) else { return false }
            let migrationTable = "\(base).tessera_migration"
            let hasMigrationTable = try connection.run("SELECT to_regclass(\(migrationTable)) IS NOT NULL", logger: pool.logger)
                .map { try $0.decode(Bool.self) }.first ?? false
            if hasMigrationTable {
                let applied = try connection.run(PostgresQuery(unsafeSQL: "SELECT name FROM \(migrationTable)"), logger: pool.logger)
                    .map { try $0.decode(String.self) }
                guard Set(applied).isSubset(of: memoryMigrations) else { return false }
            }
            let namedMemories = try connection.run(
                "SELECT count(*) FROM pg_namespace WHERE starts_with(nspname::text, \(prefix))", logger: pool.logger
            ).map { try $0.decode(Int64.self) }.first ?? 0
            guard namedMemories == 0 else { return false }
            let writeLock = PostgresMigrator.lockKey("tessera write \(base)")
            try connection.run("SELECT pg_advisory_xact_lock(\(writeLock))", logger: pool.logger)
            let unitTable = "\(base).unit"
            let hasUnitTable = try connection.run("SELECT to_regclass(\(unitTable)) IS NOT NULL", logger: pool.logger)
                .map { try $0.decode(Bool.self) }.first ?? false
            if hasUnitTable {
                let units = try connection.run(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(unitTable))"), logger: pool.logger)
                    .map { try $0.decode(Bool.self) }.first ?? true
                guard !units else { return false }
            }
            try connection.run(PostgresQuery(unsafeSQL: "DROP SCHEMA \(base) CASCADE"), logger: pool.logger)
            return true
        }
    }

    private func schemaExists(_ schema: String) throws(StorageError) -> Bool {
        try pool.withConnection { connection in try exists(schema, on: connection) }
    }

    private func exists(_ schema: String, on connection: PostgresConnection) throws -> Bool {
        try !connection.run("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: pool.logger).map { try $0.decode(Int.self) }.isEmpty
    }

    /// Runs `body` in one transaction holding the database's migration lock.
    private func locked<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try pool.withTransaction("BEGIN") { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(PostgresMigrator.migrationLock))", logger: pool.logger)
            return try body(connection)
        }
    }
}
