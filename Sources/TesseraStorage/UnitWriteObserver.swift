package import TesseraMatching

/// Hooks a write batch calls while it runs, so that a follower (the match index being built
/// during an import) mirrors the batch without reading it back: each unit written with its new
/// variant ids and analyses, each unit replaced, and whether the batch committed or was rolled back.
///
/// The begin/added/removed/ended calls come from the write transaction's thread, inside the
/// transaction; `batchCommitted` and `batchRolledBack` after it, on the same thread.
package protocol UnitWriteObserver: AnyObject {
    /// The batch's transaction began; the store is at `position` (a follower that is not there
    /// gives up: something else wrote in between).
    func batchBegan(at position: ChangePosition) throws
    /// A unit was inserted with `variantIDs` (in variant order) and the analyses made on the
    /// reading thread (``PreparedUnit/init(_:analysingWith:headerSource:)``), `nil` when the
    /// unit was not analysed.
    func unitAdded(_ unit: Int64, variantIDs: [Int64], analyses: [MatchIndexAnalysis?]?)
    /// The variants of `unit` are being deleted (the unit is replaced).
    func unitRemoved(_ unit: Int64)
    /// Every unit of the batch is written; the store will be at `position` once it commits.
    func batchBodyEnded(at position: ChangePosition) throws
    /// The transaction committed.
    func batchCommitted()
    /// The transaction was rolled back: the batch's additions and removals are undone.
    func batchRolledBack()
}
