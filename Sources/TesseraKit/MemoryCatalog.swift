import Foundation
import TesseraPostgres
import TesseraStorage

/// The memories of a store: names to ``StoreLocation``s, and list, create, delete. Front ends (the
/// CLI's `--memory` and `tessera memory`, the server's `/api/v1/memories`) only call this.
///
/// SQLite layout: ``MemoryName/default`` is the file given by `--db` itself; every other memory is
/// its own SQLite file `<db path without extension>.memories/<name>.db` next to it, with its own
/// WAL, shared-memory and match-index side files (`<name>.db-wal`, `-shm`, `-match`). One file per
/// memory keeps the fuzzy hot path and the side file exactly as for one memory, makes a delete
/// instant (remove the files) and a memory copyable on its own. Glossaries and API keys stay in the
/// default file.
///
/// PostgreSQL layout (``PostgresMemorySchemas``): the default memory, the glossaries and the API
/// keys are the URL's schema `S`; every other memory is its own schema `S_m_<name>` in the same
/// database (its location is the URL with `memory=<name>`). Listing looks for schemas with that
/// prefix; create makes the schema (its tables come with the first open); delete is
/// `DROP SCHEMA ... CASCADE`; both under the database's migration lock.
///
/// ```swift
/// let catalog = MemoryCatalog(database: .sqlite(path: "tm.db"))
/// try catalog.create(MemoryName("legal")!)     // tm.memories/legal.db
/// try catalog.names()                          // [default, legal]
/// try catalog.location(of: MemoryName("legal")!)
/// ```
public struct MemoryCatalog: Sendable {
    /// The store: the location of the memory `default`.
    public let database: StoreLocation

    /// The catalog of the store at `database`.
    public init(database: StoreLocation) { self.database = database }

    /// The extension of a named memory's file.
    static let fileExtension = ".db"

    /// The folder holding the named memories: the database path without its extension, plus
    /// `.memories` (`data/tm.db` → `data/tm.memories`).
    /// - Throws: `StorageError` `cannotOpen` for a PostgreSQL store.
    public func folder() throws -> String {
        try database.sibling(".memories")
    }

    /// The location of the memory `name`. The default memory's location is returned whether or
    /// not its file exists yet (an import creates it); a named memory must have been created.
    /// - Throws: ``KitError`` `noMemory` for a named memory that does not exist; `StorageError` for a
    ///   PostgreSQL store and a named memory.
    public func location(of name: MemoryName) throws -> StoreLocation {
        if name.isDefault { return database }
        if case .postgres(let url) = database {
            guard try Self.schemas(url).contains(name.description) else { throw Self.noMemory(name, in: database) }
            return Self.location(of: name, url: url)
        }
        let path = try self.path(of: name)
        guard FileManager.default.fileExists(atPath: path) else {
            throw Self.noMemory(name, in: database)
        }
        return .sqlite(path: path)
    }

    /// Whether the memory `name` exists (the default one: when the store's file does).
    public func contains(_ name: MemoryName) -> Bool {
        if name.isDefault { return database.exists }
        if case .postgres(let url) = database { return (try? Self.schemas(url).contains(name.description)) ?? false }
        guard let path = try? path(of: name) else { return false }
        return FileManager.default.fileExists(atPath: path)
    }

    /// Every memory: `default` first, then the named ones by name.
    /// - Throws: `StorageError` when the folder cannot be read.
    public func names() throws -> [MemoryName] {
        if case .postgres(let url) = database {
            return [.default] + (try Self.schemas(url).names()).compactMap { MemoryName($0) }.filter { !$0.isDefault }
        }
        let folder = try folder()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let named = entries.compactMap { entry -> MemoryName? in
            guard entry.hasSuffix(Self.fileExtension), let name = MemoryName(entry.dropLast(Self.fileExtension.count)),
                name.description == entry.dropLast(Self.fileExtension.count), !name.isDefault
            else { return nil }
            return name
        }
        return [.default] + named.sorted()
    }

    /// Creates the memory `name`: an empty store with the schema (and the default memory's file
    /// when the store has none yet). Claims the file with an exclusive create, so two concurrent
    /// creates of one name cannot both succeed.
    /// - Returns: its location.
    /// - Throws: ``KitError`` `memoryExists` when it exists (always for `default`); `StorageError`
    ///   for a PostgreSQL store or a file that cannot be made.
    @discardableResult
    public func create(_ name: MemoryName) throws -> StoreLocation {
        guard !name.isDefault else { throw KitError(.memoryExists, "The memory 'default' always exists (it is \(database)).") }
        if case .postgres(let url) = database {
            guard try Self.schemas(url).create(name.description) else { throw Self.exists(name) }
            return Self.location(of: name, url: url)
        }
        let path = try self.path(of: name)
        if !database.exists { _ = try StoreOpener.translationStore(database) }
        do {
            try FileManager.default.createDirectory(atPath: try folder(), withIntermediateDirectories: true)
        } catch {
            throw KitError(.cannotWrite, "Cannot make the folder \(try folder()): \(error.localizedDescription)")
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Self.exists(name) }
            throw KitError(.cannotWrite, "Cannot make \(path): \(String(cString: strerror(errno))).")
        }
        close(descriptor)
        let location = StoreLocation.sqlite(path: path)
        do {
            _ = try StoreOpener.translationStore(location)
        } catch {
            removeFiles(of: name)
            throw error
        }
        return location
    }

    /// Deletes the memory `name`: its file, WAL, shared-memory and match-index side files (every
    /// file of the folder named `<name>.db` or starting with `<name>.db-`). The caller makes sure
    /// nothing of this process still uses it (a server closes its session first).
    /// - Throws: ``KitError`` `defaultMemory` for `default`, `noMemory` when it does not exist.
    public func delete(_ name: MemoryName) throws {
        guard !name.isDefault else {
            throw KitError(.defaultMemory, "The memory 'default' cannot be deleted (it is the store \(database) itself).")
        }
        if case .postgres(let url) = database {
            guard try Self.schemas(url).drop(name.description) else { throw Self.noMemory(name, in: database) }
            StoreOpener.forget(Self.location(of: name, url: url))
            return
        }
        _ = try location(of: name)
        let path = try self.path(of: name)
        guard unlink(path) == 0 || errno == ENOENT else {
            throw KitError(.cannotWrite, "Cannot delete \(path): \(String(cString: strerror(errno))).")
        }
        removeFiles(of: name)
    }

    /// The memory schemas of the PostgreSQL store at `url`.
    /// - Throws: `StorageError` `cannotOpen` for a bad URL.
    static func schemas(_ url: String) throws -> PostgresMemorySchemas {
        PostgresMemorySchemas(pool: try StoreOpener.pool(url))
    }

    /// The location of a named memory of the PostgreSQL store at `url`: the URL with `memory=NAME`.
    static func location(of name: MemoryName, url: String) -> StoreLocation {
        .postgres(url: url + (url.contains("?") ? "&" : "?") + "memory=" + name.description)
    }

    /// The error for a named memory that does not exist.
    static func noMemory(_ name: MemoryName, in database: StoreLocation) -> KitError {
        KitError(.noMemory, "No memory '\(name)' in \(database); make it with 'tessera memory create \(name)'.")
    }

    /// The error for creating a memory that exists.
    static func exists(_ name: MemoryName) -> KitError {
        KitError(.memoryExists, "The memory '\(name)' exists already.")
    }

    /// The path of a named memory's file.
    func path(of name: MemoryName) throws -> String {
        try folder() + "/" + name.description + Self.fileExtension
    }

    /// Removes every file of `name` (the database and all its side files); errors are ignored.
    private func removeFiles(of name: MemoryName) {
        guard let folder = try? folder(), let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let file = name.description + Self.fileExtension
        for entry in entries where entry == file || entry.hasPrefix(file + "-") {
            unlink(folder + "/" + entry)
        }
    }
}
