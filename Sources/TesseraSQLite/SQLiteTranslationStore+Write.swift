import Foundation
import GRDB
import TesseraCore
package import TesseraStorage

extension SQLiteTranslationStore {
    /// Writes one batch of units in ONE transaction: `body` streams units into the sink, and any
    /// error thrown by `body` or by the database rolls back everything, the batch row included.
    ///
    /// The units are never held in memory together, so a whole TMX file can be written in one
    /// transaction while it is being read.
    ///
    /// ```swift
    /// let report = try tm.importBatch(ImportBatch(kind: .tmx, filePath: path, header: reader.header), policy: .default, matchUpdate: nil) { sink in
    ///     while let unit = try reader.next() { try sink.add(unit) }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - batch: where the units come from; stored as an `importBatch` row.
    ///   - policy: what to do with a unit that duplicates a stored one (see ``DuplicatePolicy``).
    ///   - observer: told of the batch and every unit written, if any (the match index built
    ///     during an import; it follows the transaction: a rollback undoes the batch there too).
    ///   - body: feeds units to the sink; errors it throws are rethrown unchanged.
    /// - Returns: the counts of what was written.
    /// - Throws: the error of `body` unchanged, or ``StorageError`` for a database failure.
    /// - Complexity: O(*n*) statements for *n* units (two or three index look-ups per unit for the
    ///   duplicate check, none under ``DuplicatePolicy/add`` or for a key new to a batch into an
    ///   empty memory); memory O(1) in *n* (the page cache, ``importCacheSize``, and at most
    ///   `UnitSink.deferredKeyLimit` keys of a batch into an empty memory bound it).
    @discardableResult
    package func importBatch(
        _ batch: ImportBatch, policy: DuplicatePolicy, observer: (any UnitWriteObserver)?,
        _ body: (any UnitWriter) throws -> Void
    ) throws -> WriteReport {
        do {
            let report = try pool.write { db in
                try db.execute(sql: "PRAGMA cache_size = \(Self.importCacheSize)")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                let sink = try UnitSink(db: db, batch: batch, policy: policy)
                if let observer { try observer.batchBegan(at: Self.changePosition(db)) }
                sink.observer = observer
                try body(sink)
                if let observer { try observer.batchBodyEnded(at: Self.changePosition(db)) }
                try sink.finish()
                return sink.report
            }
            observer?.batchCommitted()
            return report
        } catch let error as DatabaseError {
            observer?.batchRolledBack()
            throw Self.storageError(error, path: path)
        } catch {
            observer?.batchRolledBack()
            throw error
        }
    }

    /// The page cache of the writer during a batch, in SQLite's negative-KiB form (32 MiB). It
    /// also caps the in-memory part of each sort (CREATE INDEX), which spills to temporary files
    /// beyond it, so it is most of the memory a batch of any size needs.
    static let importCacheSize = -32768
}
