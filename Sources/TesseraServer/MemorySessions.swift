import Foundation
import TesseraKit

/// The memories a service has open: one Kit session (``TranslationMemory``) per memory, opened on
/// first use and shared by every request, closed on delete and on shutdown. Creating, deleting and
/// naming memories goes through Kit's ``MemoryCatalog``.
///
/// A delete first marks the name (new requests get 404), then closes the session (which waits for
/// a running write), then removes the files; requests that already hold the session finish on the
/// open files or get 404 (``KitGateway/withSession(for:key:_:)``). A create of that name is a 409
/// until the deleted memory's store has been released by the last request that held it, so that
/// its connections can never touch the new memory's files.
final class MemorySessions: @unchecked Sendable {
    // @unchecked Sendable: `open`, `deleting`, `retired` and `closed` are only touched under `lock`;
    // the sessions themselves are Sendable.
    /// The names and files of the store's memories.
    let catalog: MemoryCatalog
    private let lock = NSLock()
    private var open: [MemoryName: OpenMemory] = [:]
    private var deleting: Set<MemoryName> = []
    private var retired: [MemoryName: WeakObject] = [:]
    private var closed = false

    /// A memory held open: its session and the languages last read from it.
    final class OpenMemory: Sendable {
        /// The memory's name.
        let name: MemoryName
        /// The Kit session.
        let session: TranslationMemory
        /// Its languages as last read.
        let languages = LanguageCache([])

        init(name: MemoryName, session: TranslationMemory) {
            self.name = name
            self.session = session
        }
    }

    /// The memories of `catalog`, with the default memory's session already open.
    init(catalog: MemoryCatalog, defaultSession: TranslationMemory) {
        self.catalog = catalog
        open[.default] = OpenMemory(name: .default, session: defaultSession)
    }

    /// The open memory `name`, opened now when it is not yet.
    /// - Throws: ``ServiceError`` 404 when there is no such memory (or it is being deleted);
    ///   ``KitError`` `closed` after shutdown; storage errors.
    func memory(_ name: MemoryName) throws -> OpenMemory {
        lock.lock()
        defer { lock.unlock() }
        if closed { throw KitError(.closed, "The service is shutting down.") }
        if let memory = open[name] { return memory }
        guard !deleting.contains(name), catalog.contains(name) else { throw Self.notFound(name) }
        let memory = OpenMemory(name: name, session: try TranslationMemory(location: catalog.location(of: name)))
        open[name] = memory
        return memory
    }

    /// Every memory of the catalog (not those being deleted), default first.
    func names() throws -> [MemoryName] {
        let names = try catalog.names()
        lock.lock()
        defer { lock.unlock() }
        return names.filter { !deleting.contains($0) }
    }

    /// Whether `name` was open and is being (or was) deleted by this service.
    func wasDeleted(_ name: MemoryName) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return !closed && open[name] == nil
    }

    /// Creates the memory `name`.
    /// - Throws: ``KitError`` `memoryExists` (also while a deleted memory of that name is still
    ///   held by a request); `invalidOption`; storage errors.
    func create(_ name: MemoryName) throws {
        lock.lock()
        defer { lock.unlock() }
        if closed { throw KitError(.closed, "The service is shutting down.") }
        if deleting.contains(name) || retired[name]?.object != nil {
            throw KitError(.memoryExists, "The memory '\(name)' is still being deleted; try again in a moment.")
        }
        retired[name] = nil
        try catalog.create(name)
    }

    /// Deletes the memory `name`: no new request gets it, its session is closed (after a running
    /// write), its files are removed.
    /// - Throws: ``KitError`` `defaultMemory` for `default`; ``ServiceError`` 404 when it does not
    ///   exist.
    func delete(_ name: MemoryName) throws {
        lock.lock()
        if name.isDefault {
            lock.unlock()
            throw KitError(.defaultMemory, "The memory 'default' cannot be deleted.")
        }
        guard !closed, !deleting.contains(name), catalog.contains(name) else {
            lock.unlock()
            throw Self.notFound(name)
        }
        deleting.insert(name)
        let memory = open.removeValue(forKey: name)
        lock.unlock()
        memory?.session.close()
        let deleted = Result { try catalog.delete(name) }
        lock.lock()
        deleting.remove(name)
        if let memory { retired[name] = WeakObject(memory.session.store as AnyObject) }
        lock.unlock()
        try deleted.get()
    }

    /// Closes every session (shutdown); later calls throw ``KitError`` `closed`.
    func closeAll() {
        lock.lock()
        closed = true
        let memories = Array(open.values)
        lock.unlock()
        for memory in memories { memory.session.close() }
    }

    /// The 404 of a memory that is not there.
    static func notFound(_ name: MemoryName) -> ServiceError {
        ServiceError(.notFound, "no memory named '\(name)'")
    }
}

/// A reference that does not keep its object alive.
private final class WeakObject {
    weak var object: AnyObject?
    init(_ object: AnyObject) { self.object = object }
}
