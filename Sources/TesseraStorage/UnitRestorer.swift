/// The sink of a restore (``TranslationStore/restore(variantHighWater:_:)``): receives a whole
/// memory read out of another store, batches and units with their ids, inside the restore's one
/// transaction.
///
/// Valid only during the restore's body, on the thread that runs it. A batch must be added before
/// the units that name it; units may come in any order but are normally in id order (as
/// ``TranslationStore/unitRecords(after:limit:)`` reads them). Nothing is checked for duplicates:
/// the records are written as they are, with their ids, effective source languages and origins.
package protocol UnitRestorer: AnyObject {
    /// Writes one import batch with its id, kind, paths, times and header.
    /// - Throws: ``StorageError`` (an id already written, a failure of the store).
    func add(_ batch: StoredBatch) throws

    /// Writes one unit with its id, batch id, effective source language, attributes, props, notes,
    /// origin and variants (with their ids, props and notes); the counts and the full-text indexes
    /// follow.
    /// - Throws: ``StorageError`` (`corruptData` for a batch not added before, a unit without
    ///   variants or a wrong number of variant ids; a unit or variant id already written).
    func add(_ record: UnitRecord) throws
}
