import PostgresNIO
import TesseraCore
package import TesseraStorage

extension PostgresTranslationStore {
    /// Every import batch in id order with its kind, paths, times, header and unit count.
    package func batches() throws(StorageError) -> [StoredBatch] {
        let rows = try read { connection in
            try connection.run(
                "SELECT id, kind, file_path, file_name, started_at, finished_at, header, units FROM import_batch ORDER BY id",
                logger: pool.logger
            ).map { try $0.decode((Int64, String, String, String, String, String?, String?, Int64).self) }
        }
        return try rows.map { row throws(StorageError) -> StoredBatch in
            try ImportBatch.stored(
                id: row.0, kind: row.1, filePath: row.2, fileName: row.3, startedAt: row.4, finishedAt: row.5, header: row.6,
                units: Int(row.7))
        }
    }

    /// The highest variant id ever given: the highest stored, or the kept mark when the highest
    /// variants were deleted.
    package func variantHighWater() throws(StorageError) -> Int64 {
        try read { connection in
            try connection.run(
                """
                SELECT greatest(coalesce((SELECT max(id) FROM variant), 0),
                                coalesce((SELECT value::bigint FROM store_meta WHERE key = 'variant_high_water'), 0))
                """, logger: pool.logger
            ).map { try $0.decode(Int64.self) }.first ?? 0
        }
    }

    /// Writes a whole memory into this empty one in one transaction under the write lock,
    /// keeping every id (``TranslationStore/restore(variantHighWater:_:)``): the rows go through
    /// ``PostgresUnitSink`` by chunks of `COPY`, as an import's.
    ///
    /// - Throws: ``StorageError`` `notEmpty` (nothing written) when the store holds a unit or a
    ///   batch; the error of `body` unchanged; ``StorageError`` for a failure of the server.
    @discardableResult
    package func restore(variantHighWater: Int64, _ body: (any UnitRestorer) throws -> Void) throws -> RestoreReport {
        let bodyError = Locked<(any Error)?>(nil)
        let place = location.description
        do {
            return try lockedWrite { connection in
                let logger = pool.logger
                let occupied = try connection.run(
                    "SELECT EXISTS (SELECT 1 FROM unit) OR EXISTS (SELECT 1 FROM import_batch)", logger: logger
                ).map { try $0.decode(Bool.self) }.first ?? false
                if occupied {
                    throw StorageError(.notEmpty, "\(place) already holds a memory; a copy goes only into an empty one.")
                }
                let sink = try PostgresUnitSink(connection: connection, logger: logger, batch: nil, policy: .add)
                let restorer = CheckedRestorer(sink: sink)
                do {
                    try body(restorer)
                } catch {
                    bodyError.set(error)
                    throw error
                }
                try sink.finish()
                try connection.run(
                    """
                    INSERT INTO store_meta (key, value) VALUES ('variant_high_water', \(String(variantHighWater)))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        WHERE store_meta.value::bigint < excluded.value::bigint
                    """, logger: logger)
                return restorer.report
            }
        } catch {
            throw bodyError.withLock { $0 } ?? (error as any Error)
        }
    }
}
