import GRDB
package import TesseraCore
package import TesseraStorage

/// One unit at a time: read by id, added, replaced, deleted (the units API of `tessera serve`).
///
/// The writes go through ``UnitSink`` like an import (one transaction each), so the full-text
/// indexes, the kept counts, the change log (its triggers on `variant`) and the variant
/// high-water mark (``VariantHighWater``) stay right.
extension SQLiteTranslationStore {
    /// The unit `id`, or `nil`: one page of ``unitPage(after:filter:limit:)`` starting at it.
    package func unit(id: Int64) throws(StorageError) -> StoredUnit? {
        guard id > 0 else { return nil }
        return try unitPage(after: id - 1, filter: .all, limit: 1).first { $0.id == id }
    }

    /// Adds `unit` as a new unit of its own batch; returns its id.
    package func addUnit(_ unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Int64 {
        do {
            return try writeOne(batch: batch) { sink in try sink.insert(PreparedUnit(unit)) }
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// Replaces the unit `id` with `unit` (same id, moved to `batch`); `false` when there is none.
    package func replaceUnit(id: Int64, with unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Bool {
        do {
            return try writeOne(batch: batch) { sink in
                // Rolls the transaction back: no batch row is kept for a unit that does not exist.
                guard try sink.replace(id, with: PreparedUnit(unit)) else { throw NoSuchUnit() }
                return true
            }
        } catch is NoSuchUnit {
            return false
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// Deletes the unit `id`; `false` when there is none.
    package func deleteUnit(id: Int64) throws(StorageError) -> Bool {
        do {
            return try writeOne(batch: nil) { sink in try sink.delete(id) }
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// Runs one single-unit write in its own transaction through a ``UnitSink``, finished like
    /// a batch (full-text rows of new variants, counts, high-water mark).
    private func writeOne<T>(batch: ImportBatch?, _ body: (UnitSink) throws -> T) throws -> T {
        try pool.write { db in
            let sink = try UnitSink(db: db, batch: batch, policy: .add)
            let result = try body(sink)
            try sink.finish()
            return result
        }
    }
}

/// Thrown inside a replacement's transaction to roll it back when the unit does not exist.
private struct NoSuchUnit: Error {}
