import TesseraSQLite
import TesseraStorage

/// The one place in Kit that opens a storage backend: every use case names its store by a
/// ``StoreLocation`` and works through the protocols (``TranslationStore``, ``GlossaryStore``).
///
/// SQLite files open the SQLite backend; a PostgreSQL URL is refused with
/// ``StoreLocation/unavailable`` until that backend exists.
///
/// ```swift
/// let memory = try StoreOpener.translationStore(StoreLocation(option: "tm.db"))
/// ```
enum StoreOpener {
    /// Opens (creating and migrating as needed) the translation memory at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func translationStore(_ location: StoreLocation) throws(StorageError) -> any TranslationStore {
        switch location {
        case .sqlite(let path): return try SQLiteTranslationStore.open(path: path)
        case .postgres: throw location.unavailable ?? StorageError(.cannotOpen, "Cannot open \(location).")
        }
    }

    /// Opens (creating and migrating as needed) the glossary store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func glossaryStore(_ location: StoreLocation) throws(StorageError) -> any GlossaryStore {
        switch location {
        case .sqlite(let path): return try SQLiteGlossaryStore.open(path: path)
        case .postgres: throw location.unavailable ?? StorageError(.cannotOpen, "Cannot open \(location).")
        }
    }

    /// Opens (creating and migrating as needed) the API-key store at `location`.
    /// - Throws: ``StorageError`` (`cannotOpen` for an unavailable backend, or the backend's own).
    static func apiKeyStore(_ location: StoreLocation) throws(StorageError) -> any APIKeyStore {
        switch location {
        case .sqlite(let path): return try SQLiteAPIKeyStore.open(path: path)
        case .postgres: throw location.unavailable ?? StorageError(.cannotOpen, "Cannot open \(location).")
        }
    }
}
