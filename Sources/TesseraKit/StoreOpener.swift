import TesseraCore
import TesseraPostgres
import TesseraSQLite
import TesseraStorage

/// The one place in Kit that opens a storage backend: every use case names its store by a
/// ``StoreLocation`` and works through the protocols (``TranslationStore``, ``GlossaryStore``).
///
/// SQLite files open the SQLite backend; a PostgreSQL URL opens the PostgreSQL backend on one
/// connection pool per URL, shared by every store of the process at that URL (the pools are kept
/// for the life of the process; ``forget(_:)`` drops one whose schema was dropped).
///
/// ```swift
/// let memory = try StoreOpener.translationStore(StoreLocation(option: "tm.db"))
/// ```
enum StoreOpener {
    /// Opens (creating and migrating as needed) the translation memory at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen`, `unavailable`, or the backend's own).
    static func translationStore(_ location: StoreLocation) throws(StorageError) -> any TranslationStore {
        switch location {
        case .sqlite(let path): return try SQLiteTranslationStore.open(path: path)
        case .postgres(let url): return try postgresTranslationStore(pool(url))
        }
    }

    /// Opens (creating and migrating as needed) the glossary store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen`, `unavailable`, or the backend's own).
    static func glossaryStore(_ location: StoreLocation) throws(StorageError) -> any GlossaryStore {
        switch location {
        case .sqlite(let path): return try SQLiteGlossaryStore.open(path: path)
        case .postgres(let url): return try PostgresGlossaryStore.open(pool: pool(url))
        }
    }

    /// Opens (creating and migrating as needed) the API-key store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen`, `unavailable`, or the backend's own).
    static func apiKeyStore(_ location: StoreLocation) throws(StorageError) -> any APIKeyStore {
        switch location {
        case .sqlite(let path): return try SQLiteAPIKeyStore.open(path: path)
        case .postgres(let url): return try PostgresAPIKeyStore.open(pool: pool(url))
        }
    }

    /// The PostgreSQL translation store on `pool`.
    private static func postgresTranslationStore(_ pool: PostgresPool) throws(StorageError) -> any TranslationStore {
        try PostgresTranslationStore.open(pool: pool)
    }

    /// The pools of the process, by URL.
    private static let pools = Locked<[String: PostgresPool]>([:])

    /// The pool of the PostgreSQL store at `url`, made on first use.
    /// - Throws: ``StorageError`` `cannotOpen` for a bad URL (the password hidden).
    static func pool(_ url: String) throws(StorageError) -> PostgresPool {
        if let pool = pools.withLock({ $0[url] }) { return pool }
        let location = try PostgresLocation(url: url)
        return pools.withLock { pools in
            if let pool = pools[url] { return pool }
            let pool = PostgresPool(location: location)
            pools[url] = pool
            return pool
        }
    }

    /// Closes and forgets the pool of `location` (its schema was dropped).
    static func forget(_ location: StoreLocation) {
        guard case .postgres(let url) = location else { return }
        pools.withLock { $0.removeValue(forKey: url) }?.close()
    }
}
