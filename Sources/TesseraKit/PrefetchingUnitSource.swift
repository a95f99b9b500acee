import Foundation
import TesseraCore
import TesseraMatching
import TesseraStorage
import TesseraTMX

/// Reads units on a second thread while the caller stores them, so that parsing (libxml2 and
/// unit building) plus the preparation of each unit for storage (``PreparedUnit``: markup, plain
/// text, keys, hash) run on one core while SQLite writing runs on the other.
///
/// The reader thread fills a bounded queue of small batches (at most ``maxBatches`` x
/// ``batchSize`` units, so memory stays flat whatever the file size); ``next()`` hands the units
/// out in file order and rethrows the reader's error at the position where the reader stopped,
/// so a malformed file still fails the caller's transaction after the same units as a plain loop.
///
/// - Complexity: O(1) amortised per unit; one thread per file.
final class PrefetchingUnitSource: TMXUnitSource, @unchecked Sendable {
    // @unchecked Sendable: `source` is touched only by the reader thread until `finished` is set
    // under `condition`; every other field is guarded by `condition`, except `current`/`index`,
    // which only the consuming thread uses.
    /// Units per batch handed from the reader thread to the consumer.
    static let batchSize = 256
    /// Batches waiting at most; the reader thread blocks when the queue is full.
    static let maxBatches = 16

    private let source: any TMXUnitSource
    /// The match-index vocabulary units are analysed with on the reader thread, if any.
    private let vocabulary: MatchIndexVocabulary?
    /// The file's header, read before the reader thread starts.
    let header: TMXHeader
    private let condition = NSCondition()
    private var batches: [[PreparedUnit]] = []
    /// Batches the consumer is done with, freed by the reader thread (so the consumer's thread,
    /// the busier one, does not spend its time releasing every unit's strings and arrays).
    private var spent: [[PreparedUnit]] = []
    private var failure: (any Error)?
    private var finished = false
    private var cancelled = false
    private var current: [PreparedUnit] = []
    private var index = 0

    /// Starts reading `source` on a new thread; with a `vocabulary`, the thread also analyses each
    /// unit for the match index (``PreparedUnit/init(_:analysingWith:)``), and it is the only
    /// thread to use the vocabulary until this source has finished.
    init(_ source: any TMXUnitSource, analysingWith vocabulary: MatchIndexVocabulary? = nil) {
        self.source = source
        self.vocabulary = vocabulary
        self.header = source.header
        let thread = Thread { [self] in self.produce() }
        thread.name = "tessera.tmx-reader"
        thread.start()
    }

    deinit { close() }

    private func produce() {
        var outcome: (any Error)?
        var batch: [PreparedUnit] = []
        batch.reserveCapacity(Self.batchSize)
        let headerSource = header.sourceLanguage
        do {
            reading: while let unit = try source.next() {
                batch.append(PreparedUnit(unit, analysingWith: vocabulary, headerSource: headerSource))
                if batch.count == Self.batchSize {
                    guard push(batch) else { break reading }
                    batch = []
                    batch.reserveCapacity(Self.batchSize)
                }
            }
            if !batch.isEmpty { _ = push(batch) }
        } catch {
            if !batch.isEmpty { _ = push(batch) }
            outcome = error
        }
        condition.lock()
        failure = outcome
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch; `false` when the consumer has closed the source.
    private func push(_ batch: [PreparedUnit]) -> Bool {
        condition.lock()
        while batches.count >= Self.maxBatches && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            return false
        }
        batches.append(batch)
        var freed: [[PreparedUnit]] = []
        swap(&freed, &spent)
        condition.broadcast()
        condition.unlock()
        freed.removeAll()  // released here, outside the lock
        return true
    }

    /// The next unit in file order, `nil` at the end; rethrows the reader's error.
    func next() throws -> TranslationUnit? {
        try nextPrepared()?.unit
    }

    /// The next unit in file order, prepared for storage; `nil` at the end; rethrows the reader's
    /// error.
    func nextPrepared() throws -> PreparedUnit? {
        if index < current.count {
            index += 1
            return current[index - 1]
        }
        condition.lock()
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            if !finished, spent.count < Self.maxBatches {
                spent.append(current)
            }
            current = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            index = 1
            return current[0]
        }
        let failure = self.failure
        condition.unlock()
        current = []
        index = 0
        if let failure { throw failure }
        return nil
    }

    /// Stops the reader thread (if it is still reading) and waits until it has finished, so that
    /// the underlying reader's counts can be read.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    var warningCounts: [String: Int] {
        close()
        return source.warningCounts
    }

    var skippedCounts: [String: Int] {
        close()
        return source.skippedCounts
    }

    var skippedUnits: [TMXSkippedUnit] {
        close()
        return source.skippedUnits
    }
}
