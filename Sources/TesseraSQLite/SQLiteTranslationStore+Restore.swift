import Foundation
import GRDB
import TesseraCore
package import TesseraStorage

extension SQLiteTranslationStore {
    /// Every import batch in id order with its kind, paths, times, header and unit count.
    ///
    /// - Complexity: one scan of `importBatch` (one row per imported file or edit).
    package func batches() throws(StorageError) -> [StoredBatch] {
        let rows = try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, kind, filePath, fileName, startedAt, finishedAt, header, units FROM importBatch ORDER BY id")
        }
        return try rows.map { row throws(StorageError) -> StoredBatch in
            try ImportBatch.stored(
                id: row["id"], kind: row["kind"], filePath: row["filePath"], fileName: row["fileName"], startedAt: row["startedAt"],
                finishedAt: row["finishedAt"], header: row["header"], units: row["units"])
        }
    }

    /// The highest variant id ever given: the highest stored, or the kept mark
    /// (``VariantHighWater``) when the highest variants were deleted.
    package func variantHighWater() throws(StorageError) -> Int64 {
        try read { db in
            max(try Int64.fetchOne(db, sql: "SELECT max(id) FROM variant") ?? 0, try VariantHighWater.read(db))
        }
    }

    /// Writes a whole memory into this empty one in one write transaction, keeping every id
    /// (``TranslationStore/restore(variantHighWater:_:)``).
    ///
    /// As an import into an empty memory, the secondary indexes are dropped for the restore and
    /// built once at the end, and the full-text indexes are filled in one statement each.
    ///
    /// - Complexity: O(*n*) inserts for *n* rows, then one sort per index; memory O(1) in *n*
    ///   (the page cache, ``importCacheSize``).
    @discardableResult
    package func restore(variantHighWater: Int64, _ body: (any UnitRestorer) throws -> Void) throws -> RestoreReport {
        do {
            return try pool.write { db in
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM unit) OR EXISTS (SELECT 1 FROM importBatch)") == true {
                    throw StorageError(.notEmpty, "\(path) already holds units or import batches; a copy goes only into an empty memory.")
                }
                try db.execute(sql: "PRAGMA cache_size = \(Self.importCacheSize)")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                let sink = try UnitSink(db: db, batch: nil, policy: .add)
                let restorer = CheckedRestorer(sink: sink)
                try body(restorer)
                // Fills the full-text indexes, creates the indexes dropped for the restore again
                // and writes the counts.
                try sink.finish()
                if variantHighWater > (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM variant") ?? 0) {
                    try VariantHighWater.write(variantHighWater, db)
                }
                return restorer.report
            }
        } catch let error as DatabaseError {
            throw Self.storageError(error, path: path)
        }
    }
}
