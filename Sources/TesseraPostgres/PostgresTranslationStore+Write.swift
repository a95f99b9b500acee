import PostgresNIO
import TesseraCore
package import TesseraStorage

extension PostgresTranslationStore {
    /// Writes one batch of units in ONE transaction under the schema's write lock: `body` streams
    /// units into a ``PostgresUnitSink``, which writes them in chunks with `COPY`; any error of
    /// `body` or of the server (the connection lost included) rolls back everything, the batch
    /// row included.
    ///
    /// ```swift
    /// try tm.importBatch(ImportBatch(kind: .tmx, filePath: path), policy: .keepNewest, observer: nil) { writer in
    ///     while let unit = try reader.next() { try writer.add(unit) }
    /// }
    /// ```
    ///
    /// - Throws: the error of `body` unchanged, or ``StorageError`` (`.postgres`, `.unavailable`).
    /// - Complexity: O(*n*) rows streamed; one duplicate look-up query per chunk of
    ///   ``PostgresUnitSink/chunkSize`` units (none under ``DuplicatePolicy/add``); memory O(chunk).
    @discardableResult
    package func importBatch(
        _ batch: ImportBatch, policy: DuplicatePolicy, observer: (any UnitWriteObserver)?,
        _ body: (any UnitWriter) throws -> Void
    ) throws -> WriteReport {
        let bodyError = Locked<(any Error)?>(nil)
        do {
            let report = try lockedWrite { connection in
                let sink = try PostgresUnitSink(connection: connection, logger: pool.logger, batch: batch, policy: policy)
                if let observer { try observer.batchBegan(at: Self.changePosition(connection, logger: pool.logger)) }
                sink.observer = observer
                do {
                    try body(sink)
                } catch {
                    // The pool would turn it into a StorageError: kept to be rethrown unchanged.
                    bodyError.set(error)
                    sink.abandon()
                    throw error
                }
                try sink.finish()
                if let observer { try observer.batchBodyEnded(at: Self.changePosition(connection, logger: pool.logger)) }
                return sink.report
            }
            observer?.batchCommitted()
            return report
        } catch {
            observer?.batchRolledBack()
            throw bodyError.withLock { $0 } ?? (error as any Error)
        }
    }
}
