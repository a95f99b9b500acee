import TesseraCore

/// One byte per entry of a ``MatchIndex`` for one searched pair: whether the entry can be a
/// candidate at all (its language is one of the searched source languages and its unit has a
/// language of the target mask), and if so its token count, so that a posting read of token
/// search tests one byte instead of three columns (language, token starts, unit mask).
///
/// `bytes[entry]` is 0 for an entry that is never a candidate of the pair, else `1 + min(count,
/// 254)` with `count` the entry's number of tokens (255: 254 tokens or more, read the real count).
/// Immutable once built; the index drops its tables whenever it changes.
package final class MatchIndexAdmissionTable: Sendable {
    /// The byte of each entry (see the type).
    package let bytes: [UInt8]

    /// The byte that stands for a token count of ``longLength`` or more.
    package static let long: UInt8 = 255
    /// The token count from which the byte no longer holds the exact count.
    package static let longLength = 254

    /// Builds the table of `index` for the entries that `filter` admits (length not checked).
    /// - Complexity: O(entries), one pass over the language, token-start and unit-mask columns.
    init(_ index: MatchIndex, _ filter: MatchIndex.EntryFilter) {
        let count = index.entryCount
        bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var previousStart = Int(index.entryTokenStarts[0])
            for entry in 0..<count {
                let start = previousStart
                let end = Int(index.entryTokenStarts[entry + 1])
                previousStart = end
                let language = index.entryLanguages[entry]
                let admitted = filter.sourceMask & MatchIndex.bit(language) != 0
                    && (language < 63 || filter.sources.contains(language))
                    && index.entryUnitMasks[entry] & filter.targetMask != 0
                buffer[entry] = admitted ? UInt8(min(max(end - start, 0), Self.longLength) + 1) : 0
            }
            initialized = count
        }
    }
}

/// The admission tables of one index value, built lazily per searched pair and shared by the
/// copies of that value (every lookup of a served memory searches the same value, from many
/// threads). A pair gets its table once its searches have read enough postings without one
/// (``slowReadsPerEntry``): a table costs one byte per entry, so at most ``maximumTables`` are kept
/// (the least recently used goes). ``MatchIndex`` replaces its instance whenever it changes
/// (``MatchIndex/add(unit:variants:)``, ``MatchIndex/remove(unit:)``, ``MatchIndex/finalize()``),
/// so a table always describes the entries of the value that holds it.
///
/// ```swift
/// let pair = MatchIndexAdmissions.Pair(sources: [0], targetMask: 0b10)
/// if admissions.shouldBuild(pair, afterReading: 40_000, threshold: index.entryCount / 64) { ... }
/// ```
package final class MatchIndexAdmissions: Sendable {
    /// A searched pair: the source language ids (sorted) and the target mask.
    package struct Pair: Hashable, Sendable {
        /// The ids of the searched source languages, ascending.
        package var sources: [UInt16]
        /// The unit mask a candidate must intersect.
        package var targetMask: UInt64

        /// A pair from the search's language ids and mask.
        package init(sources: [UInt16], targetMask: UInt64) {
            self.sources = sources
            self.targetMask = targetMask
        }
    }

    /// What the lock guards: the tables with their last use, the slow reads of pairs without one,
    /// the pairs whose table is being built.
    struct State: Sendable {
        var tables: [Pair: (table: MatchIndexAdmissionTable, used: UInt64)] = [:]
        var slowReads: [Pair: Int] = [:]
        var building: Set<Pair> = []
        var clock: UInt64 = 0
    }

    /// The most tables kept at once (each is one byte per entry).
    package static let maximumTables = 16
    /// A pair gets a table after its searches read `entryCount / slowReadsPerEntry` postings without one.
    package static let slowReadsPerEntry = 64

    private let state = Locked(State())

    /// No tables yet.
    package init() {}

    /// The table of `pair`, if built (marks it used).
    package func table(_ pair: Pair) -> MatchIndexAdmissionTable? {
        state.withLock { state in
            guard let held = state.tables[pair] else { return nil }
            state.clock += 1
            state.tables[pair] = (held.table, state.clock)
            return held.table
        }
    }

    /// Counts `reads` postings read for `pair` without a table; `true` when they now reach
    /// `threshold` and no one else builds the table: the caller builds it and calls ``publish(_:for:)``.
    package func shouldBuild(_ pair: Pair, afterReading reads: Int, threshold: Int) -> Bool {
        state.withLock { state in
            guard state.tables[pair] == nil, !state.building.contains(pair) else { return false }
            let total = state.slowReads[pair, default: 0] + reads
            guard total >= threshold else {
                state.slowReads[pair] = total
                return false
            }
            state.slowReads[pair] = nil
            state.building.insert(pair)
            return true
        }
    }

    /// Keeps a table built after ``shouldBuild(_:afterReading:threshold:)`` said so, dropping the
    /// least recently used one beyond ``maximumTables``.
    package func publish(_ table: MatchIndexAdmissionTable, for pair: Pair) {
        state.withLock { state in
            state.building.remove(pair)
            state.clock += 1
            state.tables[pair] = (table, state.clock)
            while state.tables.count > Self.maximumTables,
                let oldest = state.tables.min(by: { $0.value.used < $1.value.used })?.key {
                state.tables[oldest] = nil
            }
        }
    }

    /// Forgets every table and count (the index changed and holds the only reference).
    package func reset() {
        state.withLock { $0 = State() }
    }

    /// The number of tables held (for tests).
    package var tableCount: Int { state.withLock { $0.tables.count } }
}
