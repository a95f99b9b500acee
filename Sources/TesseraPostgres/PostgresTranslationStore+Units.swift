package import TesseraCore
package import TesseraStorage

/// One unit at a time: read by id, added, replaced, deleted (the units API of `tessera serve`).
///
/// The writes go through ``PostgresUnitSink`` like an import (one locked transaction each), so
/// the kept counts, the change feed (`match_change`) and the high-water marks stay right.
extension PostgresTranslationStore {
    /// The unit `id`, or `nil`: one page of ``unitPage(after:filter:limit:)`` starting at it.
    package func unit(id: Int64) throws(StorageError) -> StoredUnit? {
        guard id > 0 else { return nil }
        return try unitPage(after: id - 1, filter: .all, limit: 1).first { $0.id == id }
    }

    /// Adds `unit` as a new unit of its own batch; returns its id.
    package func addUnit(_ unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Int64 {
        try writeOne(batch: batch) { sink in try sink.insert(PreparedUnit(unit)) }
    }

    /// Replaces the unit `id` with `unit` (same id, moved to `batch`); `false` when there is none.
    package func replaceUnit(id: Int64, with unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Bool {
        do {
            return try writeOne(batch: batch) { sink in
                // Rolls the transaction back: no batch row is kept for a unit that does not exist.
                guard try sink.replace(id, with: PreparedUnit(unit)) else { throw StorageError(.postgres, Self.noSuchUnit) }
                return true
            }
        } catch where error.message == Self.noSuchUnit {
            return false
        }
    }

    /// Deletes the unit `id`; `false` when there is none.
    package func deleteUnit(id: Int64) throws(StorageError) -> Bool {
        try writeOne(batch: nil) { sink in try sink.delete(id) }
    }

    /// The message of the error that rolls back the replacement of a missing unit.
    private static let noSuchUnit = "No such unit (rolled back)."

    /// Runs one single-unit write in its own locked transaction through a ``PostgresUnitSink``,
    /// finished like a batch (counts, high-water marks).
    private func writeOne<T>(batch: ImportBatch?, _ body: (PostgresUnitSink) throws -> T) throws(StorageError) -> T {
        try lockedWrite { connection in
            let sink = try PostgresUnitSink(connection: connection, logger: pool.logger, batch: batch, policy: .add)
            let result = try body(sink)
            try sink.finish()
            return result
        }
    }
}
