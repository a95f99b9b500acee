/// One import batch (the provenance of its units) exactly as a store keeps it: its id, where the
/// units came from, when, and how many of them are still stored.
///
/// Read by ``TranslationStore/batches()`` and written back with the same id by
/// ``UnitRestorer/add(_:)-(StoredBatch)``, so that a copied memory keeps its provenance.
///
/// ```swift
/// for batch in try store.batches() { print(batch.id, batch.fileName, batch.units) }
/// ```
package struct StoredBatch: Hashable, Sendable {
    /// The batch id (units name it in ``StoredUnit/batchID``).
    package var id: Int64
    /// The kind of source, its file path and its TMX header.
    package var batch: ImportBatch
    /// The file name as stored (the last path component of the path at import time).
    package var fileName: String
    /// When the batch started (ISO 8601).
    package var startedAt: String
    /// When the batch was committed (ISO 8601); `nil` for a batch that never finished.
    package var finishedAt: String?
    /// Units currently stored from that batch. A restore counts the units it writes and ignores
    /// this value.
    package var units: Int

    /// Creates a batch record.
    package init(id: Int64, batch: ImportBatch, fileName: String, startedAt: String, finishedAt: String?, units: Int) {
        self.id = id
        self.batch = batch
        self.fileName = fileName
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.units = units
    }
}
