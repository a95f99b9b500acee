/// The one error type of TesseraStorage: what went wrong, in a sentence, and the SQL involved.
///
/// Printed as one stable line, `storage error (KIND): MESSAGE [SQL: ...]`.
///
/// ```swift
/// do { _ = try TranslationMemory.open(path: "/nonexistent/dir/tm.db") }
/// catch let error as StorageError { print(error) }   // storage error (cannotOpen): ...
/// ```
public struct StorageError: Error, CustomStringConvertible, Sendable, Equatable {
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
    }

    /// The kind of failure.
    public var kind: Kind
    /// What was wrong, as a sentence.
    public var message: String
    /// The SQL statement that failed, when there was one.
    public var sql: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    /// One line: `storage error (kind): message [SQL: statement]`.
    public var description: String {
        var line = "storage error (\(kind.rawValue)): \(message)"
        if let sql, !sql.isEmpty {
            line += " [SQL: \(sql.split(whereSeparator: \.isNewline).joined(separator: " "))]"
        }
        return line
    }
}
