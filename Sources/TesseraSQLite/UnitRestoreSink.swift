import GRDB
import TesseraCore
import TesseraStorage

/// The SQLite ``UnitRestorer``: writes a whole memory read out of another store, with its ids,
/// through a ``UnitSink`` (the one writer of unit, variant, prop and note rows, the counts and the
/// full-text indexes) inside the restore's transaction.
///
/// Made by ``SQLiteTranslationStore/restore(variantHighWater:_:)``; valid only inside its closure.
final class UnitRestoreSink: UnitRestorer {
    /// What has been written so far.
    private(set) var report = RestoreReport()

    private let sink: UnitSink
    /// The batches written so far: a unit must name one of them.
    private var batchIDs: Set<Int64> = []

    /// Starts a restore into the empty memory of `db` (the caller checked that it is empty).
    init(db: Database) throws {
        sink = try UnitSink(db: db, batch: nil, policy: .add)
    }

    /// Writes one batch with its id.
    func add(_ batch: StoredBatch) throws {
        guard batchIDs.insert(batch.id).inserted else {
            throw StorageError(.corruptData, "Batch \(batch.id) is restored twice.")
        }
        try sink.restore(batch)
        report.batches += 1
    }

    /// Writes one unit with its ids.
    func add(_ record: UnitRecord) throws {
        let stored = record.stored
        guard batchIDs.contains(stored.batchID) else {
            throw StorageError(.corruptData, "Unit \(stored.id) names batch \(stored.batchID), which was not restored before it.")
        }
        guard !stored.unit.variants.isEmpty, record.variantIDs.count == stored.unit.variants.count else {
            throw StorageError(
                .corruptData,
                "Unit \(stored.id) has \(stored.unit.variants.count) variants and \(record.variantIDs.count) variant ids.")
        }
        try sink.restore(PreparedUnit(stored.unit), of: record)
        report.units += 1
        report.variants += record.variantIDs.count
    }

    /// Fills the full-text indexes, creates the indexes dropped for the restore again and writes
    /// the counts.
    func finish() throws {
        try sink.finish()
    }
}
