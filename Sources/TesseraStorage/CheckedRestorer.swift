/// What a backend's writer offers a restore: a batch with its id, a unit with its ids
/// (``TranslationStore/restore(variantHighWater:_:)``), written as they are.
package protocol RestoreSink: AnyObject {
    /// Writes a batch read out of another store with its id, times and header.
    func restore(_ batch: StoredBatch) throws
    /// Writes a unit read out of another store with its unit, batch and variant ids.
    func restore(_ prepared: PreparedUnit, of record: UnitRecord) throws
}

/// The one ``UnitRestorer`` of every backend: checks what a restore is given (each batch once, a
/// unit's batch restored before the unit, one id per variant), counts it, and hands it to the
/// backend's ``RestoreSink``.
///
/// ```swift
/// let restorer = CheckedRestorer(sink: sink)
/// try body(restorer)
/// return restorer.report
/// ```
package final class CheckedRestorer: UnitRestorer {
    /// What has been written so far.
    package private(set) var report = RestoreReport()

    private let sink: any RestoreSink
    /// The batches written so far: a unit must name one of them.
    private var batchIDs: Set<Int64> = []

    /// A restorer writing through `sink`.
    package init(sink: any RestoreSink) {
        self.sink = sink
    }

    /// Writes one batch with its id.
    /// - Throws: ``StorageError`` `corruptData` for a batch given twice; the sink's error.
    package func add(_ batch: StoredBatch) throws {
        guard batchIDs.insert(batch.id).inserted else {
            throw StorageError(.corruptData, "Batch \(batch.id) is restored twice.")
        }
        try sink.restore(batch)
        report.batches += 1
    }

    /// Writes one unit with its ids.
    /// - Throws: ``StorageError`` `corruptData` for a unit whose batch was not restored before it,
    ///   or without variants, or with a variant id count unlike its variant count; the sink's error.
    package func add(_ record: UnitRecord) throws {
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
}
