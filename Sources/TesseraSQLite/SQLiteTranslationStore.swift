import Foundation
package import GRDB
import TesseraStorage

/// The SQLite backend of ``TranslationStore``: a translation memory in one SQLite file (WAL mode,
/// so readers never wait for a writer).
///
/// Open it once and share it: the class is `Sendable` and every method is synchronous and may be
/// called from any thread (an async front end runs them on a thread pool). Writes go through
/// ``importBatch(_:policy:_:)`` (one transaction per call); reads page through units by id, so
/// neither needs the whole memory in RAM.
///
/// ```swift
/// let tm: any TranslationStore = try SQLiteTranslationStore.open(path: "tessera.db")
/// let report = try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"))
/// print(try tm.stats().units)
/// ```
package final class SQLiteTranslationStore: SQLiteDatabase, TranslationStore, SQLiteStoreFile, @unchecked Sendable {
    // @unchecked Sendable: restated from SQLiteDatabase (no state of its own).

    package static var migrator: DatabaseMigrator { Schema.migrator }
    package static let migrationFailure = "Cannot migrate the database"

    /// A ``StorageError`` for any error thrown by GRDB; `path` names the file when the file itself
    /// is at fault (not a database, damaged).
    static func storageError(_ error: any Error, path: String? = nil) -> StorageError {
        if let error = error as? StorageError { return error }
        if let fault = StorageError.fileFault(error, path: path) { return fault }
        if let error = error as? DatabaseError {
            return StorageError(.sqlite, error.message ?? "SQLite error \(error.resultCode).", sql: error.sql)
        }
        return StorageError(.sqlite, "\(error)")
    }

}
