import Foundation
import TesseraPostgres
package import TesseraStorage

/// Where a memory and its glossaries are stored: the identity of a store, which a front end
/// resolves from `--db`, else `$TESSERA_DB`, else `./tessera.db`.
///
/// A value that starts with `postgres://` or `postgresql://` names a PostgreSQL database and a
/// schema in it (`?schema=`, default `tessera`: the default memory, the glossaries and the API
/// keys; named memories are further schemas, see ``MemoryCatalog``); anything else is the path of
/// an SQLite file. A bad URL is refused when a store is opened, with one line that hides the
/// password.
///
/// ```swift
/// let location = StoreLocation(option: nil, environment: ["TESSERA_DB": "/data/tm.db"])
/// location   // .sqlite(path: "/data/tm.db")
/// ```
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL database and schema, by connection URL
    /// (`postgres://USER:PASSWORD@HOST:PORT/DBNAME?schema=S`).
    case postgres(url: String)

    /// The environment variable naming the store when no option is given.
    public static let environmentVariable = "TESSERA_DB"
    /// The file used when neither the option nor the environment names one.
    public static let defaultPath = "tessera.db"
    /// The URL schemes that name a PostgreSQL database.
    public static let postgresSchemes = ["postgres://", "postgresql://"]

    /// Resolves the store: `option` when given and not empty, else the environment variable, else
    /// ``defaultPath``.
    ///
    /// - Parameters:
    ///   - option: the `--db` value, if given.
    ///   - environment: the environment to read; the process environment when `nil`.
    public init(option: String?, environment: [String: String]? = nil) {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let option, !option.isEmpty {
            self.init(option)
        } else if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            self.init(variable)
        } else {
            self = .sqlite(path: Self.defaultPath)
        }
    }

    /// The location a `--db` value names: a PostgreSQL URL or an SQLite path.
    public init(_ value: String) {
        let lowered = value.lowercased()
        if Self.postgresSchemes.contains(where: { lowered.hasPrefix($0) }) {
            self = .postgres(url: value)
        } else {
            self = .sqlite(path: value)
        }
    }

    /// Whether the store exists: the SQLite file is there; the PostgreSQL schema is there (asked of
    /// the server). When the server cannot be asked (down, a bad URL) the store is taken to exist,
    /// so that opening it reports why it cannot be used.
    public var exists: Bool {
        switch self {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres(let url): (try? PostgresMemorySchemas(pool: StoreOpener.pool(url)).storeExists()) ?? true
        }
    }

    /// The path or URL for messages, a URL's password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var components = URLComponents(string: url), components.password != nil else { return url }
            components.password = "***"
            return components.string ?? url
        }
    }

    /// The local files that make up the store (an SQLite database, its WAL and shared-memory
    /// files), for removing a store that a failed first import created; none for a server.
    package var localFiles: [String] {
        switch self {
        case .sqlite(let path): [path, path + "-wal", path + "-shm"]
        case .postgres: []
        }
    }
    /// Removes what a first import that failed created on a server: a PostgreSQL schema that
    /// holds nothing but an empty memory (``PostgresMemorySchemas/dropIfEmpty()``). Nothing for
    /// SQLite, whose files (``localFiles``) the caller removes.
    package func removeIfEmptyOnServer() {
        guard case .postgres(let url) = self, let pool = try? StoreOpener.pool(url) else { return }
        _ = try? PostgresMemorySchemas(pool: pool).dropIfEmpty()
    }

    /// A path beside the SQLite file: its path without the extension, plus `suffix`
    /// (`data/tm.db` with `.memories` → `data/tm.memories`). The one rule for the folders a store
    /// keeps next to its file (named memories, uploads).
    /// - Throws: `StorageError` `cannotOpen` for a PostgreSQL store.
    package func sibling(_ suffix: String) throws(StorageError) -> String {
        let path = try sqlitePath()
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot > slash else { return path + suffix }
        return String(path[..<dot]) + suffix
    }


    /// The SQLite file of the location, for what only an SQLite store has (folders beside it).
    /// - Throws: ``StorageError`` `cannotOpen` for a PostgreSQL location.
    package func sqlitePath() throws(StorageError) -> String {
        switch self {
        case .sqlite(let path):
            return path
        case .postgres:
            throw StorageError(.cannotOpen, "\(description) is a PostgreSQL database, not an SQLite file.")
        }
    }
}
