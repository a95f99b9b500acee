public import TesseraKit

/// How `tessera serve` runs: where it listens, which database it serves, who may read.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (127.0.0.1: only this machine; TLS belongs to a reverse proxy).
    public var host = "127.0.0.1"
    /// The port (0: any free port).
    public var port = 8080
    /// The store served (translation memory, glossaries, API keys).
    public var database: StoreLocation
    /// The memories `/tmserver` and MyMemory's `/get` look up, in priority order with penalties
    /// (`tessera serve --memory a,b:5`; default: `default`).
    public var memories: MemorySelection = .default
    /// Whether reading needs no key (writes and key management always do).
    public var anonymousRead = false
    /// Request limits.
    public var limits = ServiceLimits()
    /// Threads that run the blocking Kit and SQLite calls (at least 2).
    public var blockingThreads = 4

    /// A configuration for `database` with the defaults above.
    public init(database: StoreLocation) { self.database = database }

    /// A configuration for the SQLite file at `databasePath` with the defaults above.
    public init(databasePath: String) { self.init(database: .sqlite(path: databasePath)) }
}
