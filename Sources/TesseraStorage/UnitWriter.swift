package import TesseraCore

/// The sink of one import batch: receives the batch's units inside its transaction.
///
/// Handed to the body of ``TranslationStore/importBatch(_:policy:_:)`` and valid only during it,
/// on the thread that runs the body. Each `add` applies the batch's ``DuplicatePolicy``: a unit
/// that duplicates a stored one is skipped or replaces it; a unit without variants is skipped and
/// counted in ``WriteReport/skippedEmpty``.
package protocol UnitWriter: AnyObject {
    /// What has been written so far in this batch.
    var report: WriteReport { get }

    /// Writes one unit; its ``TranslationUnit/origin`` is stored as is.
    /// - Throws: ``StorageError`` (or the backend's own error, turned into one by the batch).
    func add(_ unit: TranslationUnit) throws

    /// Writes one unit prepared in advance on another thread (``PreparedUnit``); the same as
    /// ``add(_:)-(TranslationUnit)``.
    func add(_ prepared: PreparedUnit) throws
}
