import Foundation
import GRDB
import TesseraStorage
#if canImport(Glibc)
import Glibc
#endif
public import TesseraMatching

/// Keeps the fuzzy-match side file in step with an import while the import writes, so that a
/// bulk import leaves a current index behind at the cost of appending to a few temporary files.
///
/// The import's reading thread analyses each unit with ``vocabulary`` (``PreparedUnit/init(_:analysingWith:)``);
/// the write transaction's ``UnitSink`` appends each written unit with its new variant ids to a
/// ``MatchIndexSpool``, and marks a replaced unit as removed; a batch that fails is undone in the
/// spool as in the database. ``finish()`` writes the side file in bounded memory.
///
/// It starts only from a known state: a memory without variants, or one whose side file is
/// current. It gives up (``isValid`` false, the caller falls back to ``MatchIndexFile/update(_:)``)
/// when anything else wrote to the memory between its batches, or a unit arrived without an analysis.
///
/// ```swift
/// let update = try MatchIndexUpdate.start(tm)
/// try tm.importBatch(batch, matchUpdate: update) { sink in
///     try sink.add(PreparedUnit(unit, analysingWith: update?.vocabulary))
/// }
/// if try update?.finish() != true { try MatchIndexFile.update(tm) }
/// ```
public final class MatchIndexUpdate: @unchecked Sendable {
    // @unchecked Sendable: the spool is written by `queue` (batches of operations the write
    // transaction's thread sends it) and read by the caller only after `drain()`; the other
    // fields belong to the write transaction's thread and, between batches, to the caller.
    let spool: MatchIndexSpool
    let file: String
    /// The database state the spool reflects.
    var reflected: MatchIndexFile.Generation
    private var pending: MatchIndexFile.Generation?
    private var mark: MatchIndexSpool.Mark?
    /// Whether the spool still mirrors the memory; `false` once anything went past it.
    public private(set) var isValid = true
    /// Whether the side file is written while the next batch finishes its SQL work (index
    /// builds, full-text inserts), on another thread: set before the last batch of an import.
    public var writesDuringNextBatch = false
    /// The write started by the last batch: its temporary file and outcome.
    private var early: (temporary: String, group: DispatchGroup, failure: Failure)?
    /// Whether the side file is already in place for the state reflected.
    private var written = false

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
    public var vocabulary: MatchIndexVocabulary { spool.vocabulary }

    init(spool: MatchIndexSpool, file: String, reflected: MatchIndexFile.Generation) {
        self.spool = spool
        self.file = file
        self.reflected = reflected
    }

    /// Starts an update for a write into `tm`: continuing its side file (with the units changed
    /// since it was written caught up from the database), or from nothing when the memory holds no
    /// variants or the file is missing or unreadable. `nil` only when the database changed in a way
    /// the file cannot follow (it is newer than the database).
    ///
    /// - Throws: ``StorageError`` when the database cannot be read or the temporary files cannot
    ///   be created.
    /// - Complexity: O(size of the side file) to copy its columns into the spool, plus O(changes).
    public static func start(_ tm: SQLiteTranslationStore) throws -> MatchIndexUpdate? {
        try MatchIndexFile.migrate(tm)
        let file = MatchIndexFile.path(for: tm)
        return try tm.read { db -> MatchIndexUpdate? in
            try MatchIndexFile.convertingErrors {
                let state = try MatchIndexFile.Generation.current(db)
                if state.maxVariant == 0 {  // no variants at all
                    return MatchIndexUpdate(spool: try MatchIndexSpool(prefix: file), file: file, reflected: state)
                }
                guard FileManager.default.fileExists(atPath: file),
                    let (index, stored) = try? MatchIndexFile.decode(MappedRegion(path: file)), stored.precedes(state)
                else { return nil }
                let changed = try MatchIndexFile.changedUnits(since: stored, db)
                let spool = try MatchIndexFile.continuing(index, changed: changed, file: file, db)
                return MatchIndexUpdate(spool: spool, file: file, reflected: state)
            }
        }
    }

    // MARK: - Batch hooks (the write transaction's thread)

    /// At the start of a batch: the database must be where the spool left it.
    func begin(_ db: Database) throws {
        guard isValid else { return }
        drain()
        if try MatchIndexFile.Generation.current(db) != reflected { isValid = false; return }
        mark = spool.mark()
    }

    /// A unit was inserted with `variantIDs` (in variant order).
    func added(unit: Int64, variantIDs: [Int64], analyses: [MatchIndexAnalysis?]?) {
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
    func removed(unit: Int64) {
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
    func bodyEnded(_ db: Database) throws {
        guard isValid else { return }
        drain()
        guard isValid else { return }
        let state = try MatchIndexFile.Generation.current(db)
        pending = state
        guard writesDuringNextBatch else { return }
        writesDuringNextBatch = false
        let temporary = file + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let group = DispatchGroup()
        let failure = Failure()
        let spool = self.spool
        let header = state.header
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
    func committed() {
        if let pending { reflected = pending }
        pending = nil
        mark = nil
        if let (temporary, group, failure) = early {
            group.wait()
            early = nil
            if failure.error == nil, (try? MatchIndexSpool.moveIntoPlace(temporary, file)) != nil { written = true }
        }
    }

    /// The batch was rolled back: its appends and removals are undone.
    func rolledBack() {
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
    public func finish() throws -> Bool {
        drain()
        guard isValid else { return false }
        if written { return true }
        try MatchIndexFile.convertingErrors {
            try spool.finish(
                writingTo: file, header: reflected.header, generation: reflected.counter)
        }
        return true
    }
}
