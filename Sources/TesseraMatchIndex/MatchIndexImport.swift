import Foundation
#if canImport(Glibc)
import Glibc
#endif
package import TesseraMatching
package import TesseraStorage

/// Builds the fuzzy-match side file while an import writes, so that a bulk import leaves a
/// current index behind at the cost of appending to a few temporary files: the batch's
/// ``UnitWriteObserver``.
///
/// The import's reading thread analyses each unit with ``vocabulary`` (`PreparedUnit(_:analysingWith:)`);
/// the store's write transaction reports each written unit with its new variant ids, appended to
/// a ``MatchIndexSpool`` on a thread of its own, and each replaced unit, marked as removed; a
/// batch that fails is undone in the spool as in the store. ``finish()`` writes the side file in
/// bounded memory.
///
/// It starts only from a known state (``MatchIndexStore/beginImport()``): a store without
/// variants, or one whose side file is current. It gives up (``isValid`` false, the caller falls
/// back to ``MatchIndexStore/save()``) when anything else wrote to the store between its
/// batches, or a unit arrived without an analysis.
///
/// ```swift
/// let building = try index.beginImport()
/// try tm.importBatch(batch, observer: building) { sink in
///     try sink.add(PreparedUnit(unit, analysingWith: building?.vocabulary))
/// }
/// if try building?.finish() != true { try index.save() }
/// ```
package final class MatchIndexImport: UnitWriteObserver, @unchecked Sendable {
    // @unchecked Sendable: the spool is written by `queue` (batches of operations the write
    // transaction's thread sends it) and read by the caller only after `drain()`; the other
    // fields belong to the write transaction's thread and, between batches, to the caller.
    let spool: MatchIndexSpool
    let file: String
    /// The database state the spool reflects.
    var reflected: ChangePosition
    private var pending: ChangePosition?
    private var mark: MatchIndexSpool.Mark?
    /// Whether the spool still mirrors the memory; `false` once anything went past it.
    package private(set) var isValid = true
    /// Whether the side file is written while the next batch finishes its SQL work (index
    /// builds, full-text inserts), on another thread: set before the last batch of an import.
    package var writesDuringNextBatch = false
    /// The write started by the last batch: its temporary file and outcome.
    private var early: (temporary: String, group: DispatchGroup, failure: Failure)?
    /// Whether the side file is already in place for the state reflected.
    package private(set) var wroteEarly = false

    /// The outcome of work on another thread.
    final class Failure: @unchecked Sendable {
        // Written by the other thread (the spool queue, the early writer), read after it is
        // done (`queue.sync`, `group.wait()`).
        var error: (any Error)?
    }

    /// One change to the spool, sent to `queue` in batches.
    enum Operation: Sendable {
        case append(Int64, [(id: Int64, analysis: MatchIndexAnalysis)])
        case remove(Int64)
    }

    /// The thread that appends to the spool, so that the write transaction's thread only runs
    /// SQLite (it hands over batches of ``operationBatch`` operations).
    private let queue = DispatchQueue(label: "tessera.match-spool")
    private var operations: [Operation] = []
    private let queueFailure = Failure()
    /// Operations sent to the spool's thread at once.
    static let operationBatch = 512

    /// The tables the reading thread analyses units with.
    package var vocabulary: MatchIndexVocabulary { spool.vocabulary }

    init(spool: MatchIndexSpool, file: String, reflected: ChangePosition) {
        self.spool = spool
        self.file = file
        self.reflected = reflected
    }

    // MARK: - Batch hooks (the write transaction's thread)

    /// At the start of a batch: the store must be where the spool left it.
    package func batchBegan(at position: ChangePosition) throws {
        guard isValid else { return }
        drain()
        if position != reflected { isValid = false; return }
        mark = spool.mark()
    }

    /// A unit was inserted with `variantIDs` (in variant order).
    package func unitAdded(_ unit: Int64, variantIDs: [Int64], analyses: [MatchIndexAnalysis?]?) {
        guard isValid else { return }
        guard let analyses, analyses.count == variantIDs.count else { isValid = false; return }
        var variants: [(id: Int64, analysis: MatchIndexAnalysis)] = []
        variants.reserveCapacity(analyses.count)
        for (id, analysis) in zip(variantIDs, analyses) {
            if let analysis { variants.append((id: id, analysis: analysis)) }
        }
        send(.append(unit, variants))
    }

    /// The variants of `unit` are being deleted (the unit is replaced).
    package func unitRemoved(_ unit: Int64) {
        guard isValid else { return }
        send(.remove(unit))
    }

    /// Queues an operation; a full batch goes to the spool's thread.
    private func send(_ operation: Operation) {
        operations.append(operation)
        if operations.count >= Self.operationBatch { flush() }
    }

    /// Sends the queued operations to the spool's thread.
    private func flush() {
        guard !operations.isEmpty else { return }
        let batch = operations
        operations = []
        operations.reserveCapacity(Self.operationBatch)
        let spool = self.spool, failure = queueFailure
        queue.async {
            guard failure.error == nil else { return }
            do {
                for operation in batch {
                    switch operation {
                    case .append(let unit, let variants): try spool.append(unit: unit, variants: variants)
                    case .remove(let unit): spool.remove(unit: unit)
                    }
                }
            } catch {
                failure.error = error
            }
        }
    }

    /// Applies every operation sent so far and waits for the spool's thread; gives up on a failure.
    private func drain() {
        flush()
        queue.sync {}
        if queueFailure.error != nil { isValid = false }
    }

    /// When the batch's units are all written, inside its transaction: the state the spool
    /// reflects once the transaction commits; with ``writesDuringNextBatch``, the side file starts
    /// being written on another thread while the batch finishes its SQL work.
    package func batchBodyEnded(at state: ChangePosition) throws {
        guard isValid else { return }
        drain()
        guard isValid else { return }
        pending = state
        guard writesDuringNextBatch else { return }
        writesDuringNextBatch = false
        // Named after the spool (process id and a serial): unique per writer, so two imports in
        // one process never share it, and removed by the next open if this process is killed.
        let temporary = spool.prefix + ".early"
        let group = DispatchGroup()
        let failure = Failure()
        let spool = self.spool
        let header = SideFileHeader(state).bytes
        group.enter()
        Thread.detachNewThread {
            do {
                try spool.writeFile(at: temporary, header: header, generation: state.counter)
            } catch {
                failure.error = error
            }
            group.leave()
        }
        early = (temporary, group, failure)
    }

    /// The batch committed.
    package func batchCommitted() {
        if let pending { reflected = pending }
        pending = nil
        mark = nil
        if let (temporary, group, failure) = early {
            group.wait()
            early = nil
            if failure.error == nil, (try? MatchIndexSpool.moveIntoPlace(temporary, file)) != nil { wroteEarly = true }
        }
    }

    /// The batch was rolled back: its appends and removals are undone.
    package func batchRolledBack() {
        pending = nil
        drain()
        if let (temporary, group, failure) = early {
            group.wait()
            early = nil
            if failure.error == nil { unlink(temporary) }
        }
        if isValid, let mark {
            do { try spool.rollback(to: mark) } catch { isValid = false }
        }
        mark = nil
    }

    /// Writes the side file; `false` (nothing written) when the update gave up along the way.
    /// - Throws: ``StorageError`` when the file cannot be written.
    /// - Complexity: see ``MatchIndexSpool/finish(writingTo:header:generation:postingsPerPass:)``.
    @discardableResult
    package func finish() throws -> Bool {
        drain()
        guard isValid else { return false }
        if wroteEarly { return true }
        try MatchIndexStore.convertingErrors {
            try spool.finish(
                writingTo: file, header: SideFileHeader(reflected).bytes, generation: reflected.counter)
        }
        return true
    }
}
