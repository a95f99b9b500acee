import Foundation
public import TesseraMatching
package import TesseraMatchIndex
package import TesseraStorage

/// A translation memory opened once and held open (a server, a batch): the store and its match
/// index, shared by any number of concurrent readers while one writer at a time imports.
///
/// - Writes (``ImportTMX``, ``AlignStore``) are serialised inside the session: one at a time.
/// - Reads never wait for a write's transaction: SQLite's write-ahead log lets a reader see the
///   last committed state while a writer works.
/// - ``currentIndex()`` hands lookups the index last checked against the store (``FreshIndex``):
///   the store's change position is read at most once per ``FreshIndex/interval`` and at once
///   after each write of the session, so a unit written through the session is found by the next
///   lookup and one written by another process within the interval; when the position moved,
///   the index catches up from the change feed.
/// - ``close()`` waits for a running write, then refuses further use.
///
/// Calls are synchronous; an async front end runs them on a thread pool.
///
/// ```swift
/// let memory = try TranslationMemory(location: StoreLocation(option: "tm.db"))
/// defer { memory.close() }
/// _ = try ImportTMX(database: memory.location).run(files: ["a.tmx"], session: memory)
/// let matches = try Lookup(session: memory).run("Open the file", options: options)
/// ```
public final class TranslationMemory: Sendable {
    /// Where the memory is stored.
    public let location: StoreLocation
    /// The store (the backend ``StoreOpener`` chose for ``location``).
    package let store: any TranslationStore
    /// The match index of the store (its side file and the index held in memory).
    package let matchIndex: MatchIndexStore
    /// Serialises writes, and ``close()`` with them.
    private let writeLock = NSLock()
    /// Whether ``close()`` was called.
    private let closed = Locked(false)
    /// The glossary store of ``location``, opened on first use (term lookups of a server).
    private let glossaries: LazyGlossaryStore
    /// The index lookups get, re-checked against the store at most once per interval.
    private let fresh: FreshIndex

    /// Opens (or creates) the memory at `location` and its match index; removes the temporary files
    /// that a killed writer of the index left behind. The index itself is read on first use.
    /// - Throws: `StorageError` when the database cannot be opened or migrated.
    public convenience init(location: StoreLocation) throws {
        try self.init(location: location, recheck: FreshIndex.defaultInterval)
    }

    /// Opens the memory at `location` as ``init(location:)``; lookups see another process's
    /// writes at most `recheck` late (zero: the store is asked before every lookup).
    /// - Throws: `StorageError` when the database cannot be opened or migrated.
    package init(location: StoreLocation, recheck: Duration) throws {
        self.location = location
        store = try StoreOpener.translationStore(location)
        matchIndex = try MatchIndexStore(source: store)
        glossaries = LazyGlossaryStore(location: location)
        fresh = FreshIndex(interval: recheck)
    }

    /// Opens (or creates) the SQLite memory at `path`; see ``init(location:)``.
    /// - Throws: `StorageError` when the database cannot be opened or migrated.
    public convenience init(path: String) throws {
        try self.init(location: .sqlite(path: path))
    }

    /// The match index for a lookup (see ``FreshIndex``): the one last checked against the store
    /// when that was less than the interval ago and the session has not written since; else
    /// caught up with the store now (``MatchIndexStore/current()``: the same index when nothing
    /// moved, caught up from the change feed when anything did). Never waits for a running import.
    /// - Throws: ``KitError`` `closed`; `StorageError` when the store cannot be read.
    public func currentIndex() throws -> MatchIndex {
        try checkOpen()
        return try fresh.index { try matchIndex.current() }
    }

    /// Reads the side file and catches it up, or builds it (always when `rebuild`), saying what
    /// it did: the one-shot load of a command that answers a batch (`tessera lookup`).
    /// - Throws: ``KitError`` `closed`; `StorageError` when the store cannot be read.
    package func loadIndex(rebuild: Bool) throws -> MatchIndexStore.Loaded {
        try checkOpen()
        return try matchIndex.bringUpToDate(rebuild: rebuild)
    }

    /// The match index when the memory has a side file (caught up as ``currentIndex()``), `nil`
    /// without one: nothing is built (a reader with another way to answer, such as concordance).
    /// - Throws: ``KitError`` `closed`.
    package func currentIndexIfPresent() throws -> MatchIndex? {
        try checkOpen()
        return matchIndex.currentIfPresent()
    }

    /// The store, for a read that needs no index (stats).
    /// - Throws: ``KitError`` `closed`.
    package func openStore() throws -> any TranslationStore {
        try checkOpen()
        return store
    }

    /// The glossary store of the memory's database, opened on first use and then shared.
    /// - Throws: ``KitError`` `closed`; `StorageError` when it cannot be opened.
    package func glossaryStore() throws -> any GlossaryStore {
        try checkOpen()
        return try glossaries.store()
    }

    /// Runs one write (an import, aligned units) with the store and the match index, after any
    /// other write of this session has finished.
    /// - Throws: ``KitError`` `closed`; the error of `body` unchanged.
    package func write<T>(_ body: (any TranslationStore, MatchIndexStore) throws -> T) throws -> T {
        writeLock.lock()
        defer { writeLock.unlock() }
        try checkOpen()
        // Also after a failed write: a part of it may have been committed.
        defer { fresh.wrote() }
        return try body(store, matchIndex)
    }

    /// Closes the session: waits for a running write, then every later call throws ``KitError``
    /// `closed`. The database connections close when the last reference goes away.
    public func close() {
        writeLock.lock()
        closed.set(true)
        writeLock.unlock()
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { closed.value }

    private func checkOpen() throws {
        if closed.value { throw KitError(.closed, "The translation memory \(location) is closed.") }
    }
}

/// A glossary store opened on first use.
private final class LazyGlossaryStore: Sendable {
    private let location: StoreLocation
    private let opened = Locked<(any GlossaryStore)?>(nil)

    init(location: StoreLocation) { self.location = location }

    func store() throws -> any GlossaryStore {
        try opened.withLock { opened in
            if let opened { return opened }
            let store = try StoreOpener.glossaryStore(location)
            opened = store
            return store
        }
    }
}
