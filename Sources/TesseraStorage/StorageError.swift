public import TesseraCore

/// The one error type of the storage protocols and their backends: what went wrong, in a sentence, and the SQL involved.
///
/// Printed as one stable line, `storage error (KIND): MESSAGE [SQL: ...]`, or `FILE: MESSAGE`
/// (no SQL) when the database file itself is at fault (``Kind-swift.enum/notADatabase``,
/// ``Kind-swift.enum/damaged``).
///
/// ```swift
/// do { _ = try SQLiteTranslationStore.open(path: "/nonexistent/dir/tm.db") }
/// catch let error as StorageError { print(error) }   // storage error (cannotOpen): ...
/// ```
public struct StorageError: LocatedError {
    /// The kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// The database file cannot be opened or created.
        case cannotOpen
        /// A schema migration failed.
        case migration
        /// A read or write statement failed (constraint, I/O, corruption, busy).
        case sqlite
        /// The stored data cannot be turned back into values (a corrupt JSON column, a bad tag).
        case corruptData
        /// The file is not an SQLite database (random bytes, a TMX file), or one made by other
        /// software.
        case notADatabase
        /// SQLite found the file damaged ("database disk image is malformed").
        case damaged
        /// A PostgreSQL statement failed (constraint, permission, a missing extension).
        case postgres
        /// The database server cannot be reached (PostgreSQL down, restarting, refusing
        /// connections, or the connection was lost): a server answers 503 and tries again on the
        /// next request.
        case unavailable
        /// A restore or copy found data in a store that must be empty (``TranslationStore/restore(variantHighWater:_:)``).
        case notEmpty
    }

    /// The kind of failure.
    public var kind: Kind
    /// What was wrong, as a sentence.
    public var message: String
    /// The SQL statement that failed, when there was one.
    public var sql: String?
    /// The database file, when the file itself is at fault.
    public var file: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, sql: String? = nil, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
        self.file = file
    }

    /// The database file, when the file itself is at fault.
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: nil) } }

    /// One line: `FILE: message` when the file is at fault, else
    /// `storage error (kind): message [SQL: statement]`.
    public var description: String {
        if let file { return "\(file): \(message)" }
        var line = "storage error (\(kind.rawValue)): \(message)"
        if let sql, !sql.isEmpty {
            line += " [SQL: \(sql.split(whereSeparator: \.isNewline).joined(separator: " "))]"
        }
        return line
    }
}
