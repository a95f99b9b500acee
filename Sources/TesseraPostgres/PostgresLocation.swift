import Foundation
import PostgresNIO
package import TesseraStorage

/// A PostgreSQL database named by a connection URL, parsed once: where to connect, as whom, which
/// schema holds the store, and how many connections a process may open.
///
/// ```
/// postgres://USER:PASSWORD@HOST:PORT/DBNAME?schema=tessera&pool=8
/// postgresql://USER@/DBNAME?host=/var/run/postgresql        (a Unix socket folder)
/// ```
///
/// - `host` in the query names a Unix-socket folder (as libpq's `host=/dir`): the socket is
///   `DIR/.s.PGSQL.PORT`.
/// - `schema` (default `tessera`) is the schema that holds the default memory, the glossaries and
///   the API keys; it is created when missing.
/// - `memory` names a named memory of the store: the location is then that memory's schema
///   (``PostgresMemorySchemas``: `S_m_NAME`), which Kit's memory catalog hands out.
/// - `pool` (default 8, 1-64) bounds the connections one process opens.
/// - `connect_timeout` (seconds, default 5) bounds a connection attempt.
/// - `sslmode` may be `disable`, `allow` or `prefer` (no TLS is used); `require` and stronger
///   are refused, since this build has no TLS set up for PostgreSQL.
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://tm:secret@db:5432/tessera?pool=4")
/// location.schema   // "tessera"
/// ```
package struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// The host name or address (when not a socket).
    package var host: String
    /// The port.
    package var port: Int
    /// The Unix-socket folder, when the URL names one.
    package var socketFolder: String?
    /// The user name.
    package var user: String
    /// The password, if any.
    package var password: String?
    /// The database name.
    package var database: String
    /// The schema of the store.
    package var schema: String
    /// The largest number of connections one process opens.
    package var poolSize: Int
    /// How long one connection attempt may take.
    package var connectTimeoutSeconds: Int

    /// The default schema.
    package static let defaultSchema = "tessera"
    /// The default pool size.
    package static let defaultPoolSize = 8

    /// Parses a `postgres://` or `postgresql://` URL.
    /// - Throws: ``StorageError`` `.cannotOpen` naming what is wrong with the URL.
    package init(url: String) throws(StorageError) {
        func bad(_ why: String) -> StorageError {
            StorageError(.cannotOpen, "Bad PostgreSQL URL \(Self.redacted(url)): \(why).")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else { throw bad("expected postgres://USER:PASSWORD@HOST:PORT/DBNAME") }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw bad("the query item '\(item.name)' has no value") }
            query[item.name] = value
        }
        let known: Set<String> = ["host", "schema", "memory", "pool", "sslmode", "connect_timeout", "port", "user", "password", "dbname"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw bad("unknown parameter '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        user = query["user"] ?? components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = query["password"] ?? components.password
        if let portText = query["port"] ?? components.port.map(String.init) {
            guard let port = Int(portText), (1...65535).contains(port) else { throw bad("the port '\(portText)' is not a number 1-65535") }
            self.port = port
        } else {
            port = 5432
        }
        let urlHost = components.host ?? ""
        if let hostParameter = query["host"], hostParameter.hasPrefix("/") {
            socketFolder = hostParameter
            host = urlHost
        } else {
            socketFolder = nil
            host = query["host"] ?? (urlHost.isEmpty ? "localhost" : urlHost)
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = query["dbname"] ?? (path.isEmpty ? user : path)
        guard !database.contains("/") else { throw bad("the database name '\(database)' contains '/'") }
        schema = query["schema"] ?? Self.defaultSchema
        guard Self.isPlainIdentifier(schema) else {
            throw bad("the schema '\(schema)' must be lower-case letters, digits and '_', starting with a letter, at most 40 characters")
        }
        if let memory = query["memory"] {
            schema = try PostgresMemorySchemas.schema(base: schema, memory: memory)
        }
        if let poolText = query["pool"] {
            guard let size = Int(poolText), (1...64).contains(size) else { throw bad("pool must be a number 1-64, not '\(poolText)'") }
            poolSize = size
        } else {
            poolSize = Self.defaultPoolSize
        }
        if let timeoutText = query["connect_timeout"] {
            guard let seconds = Int(timeoutText), (1...600).contains(seconds) else {
                throw bad("connect_timeout must be a number of seconds 1-600, not '\(timeoutText)'")
            }
            connectTimeoutSeconds = seconds
        } else {
            connectTimeoutSeconds = 5
        }
        if let mode = query["sslmode"], !["disable", "allow", "prefer"].contains(mode) {
            throw bad("sslmode=\(mode) needs TLS, which this build does not set up for PostgreSQL (use disable, or a Unix socket or loopback)")
        }
    }

    /// Whether `name` is usable unquoted as a schema name: `[a-z][a-z0-9_]*`, at most 40
    /// characters (room for the suffixes of named memories within PostgreSQL's 63).
    package static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.unicodeScalars.count <= 40 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The same database with another schema.
    package func with(schema: String) -> PostgresLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The connection settings for postgres-nio.
    var configuration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(Int64(connectTimeoutSeconds))
        return configuration
    }

    /// Where the store is, without the password: `user@host:port/database schema S`.
    package var description: String {
        let place = socketFolder.map { "\($0)/.s.PGSQL.\(port)" } ?? "\(host):\(port)"
        return "postgres://\(user)@\(place)/\(database) (schema \(schema))"
    }

    /// The URL with its password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
