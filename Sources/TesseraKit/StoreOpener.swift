import TesseraSQLite
import TesseraStorage

/// The one place in Kit that opens a storage backend: every use case names its store by a
/// ``StoreLocation`` and works through the protocols (``TranslationStore``, ``GlossaryStore``).
///
/// SQLite files open the SQLite backend; a PostgreSQL URL is refused with
/// ``StoreLocation/sqlitePath()`` until that backend exists.
///
/// ```swift
/// let memory = try StoreOpener.translationStore(StoreLocation(option: "tm.db"))
/// ```
enum StoreOpener {
    /// Opens (creating and migrating as needed) the translation memory at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func translationStore(_ location: StoreLocation) throws(StorageError) -> any TranslationStore {
        try SQLiteTranslationStore.open(path: location.sqlitePath())
    }

    /// Opens (creating and migrating as needed) the glossary store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func glossaryStore(_ location: StoreLocation) throws(StorageError) -> any GlossaryStore {
        try SQLiteGlossaryStore.open(path: location.sqlitePath())
    }

    /// Opens (creating and migrating as needed) the API-key store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func apiKeyStore(_ location: StoreLocation) throws(StorageError) -> any APIKeyStore {
        try SQLiteAPIKeyStore.open(path: location.sqlitePath())
    }
}
