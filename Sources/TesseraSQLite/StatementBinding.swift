import GRDB
import TesseraStorage
import GRDBSQLite

/// Direct parameter binding for the insert statements of the import hot path.
///
/// GRDB's `execute(arguments:)` builds a `StatementArguments` array of boxed values for every row;
/// binding each parameter straight into the prepared statement avoids those allocations. This is
/// the one file of TesseraStorage that calls the SQLite C API (convention 2); the statements
/// themselves stay owned by GRDB's statement cache.
extension Statement {
    /// The SQLite destructor value that makes SQLite copy a bound buffer.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds text (or NULL) to the 1-based parameter `index`.
    func bind(_ text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(sqliteStatement, index)
            return
        }
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    _ = sqlite3_bind_text(sqliteStatement, index, pointer, Int32(buffer.count), Self.transient)
                }
            } else {
                _ = sqlite3_bind_text(sqliteStatement, index, "", 0, Self.transient)
            }
        }
    }

    /// Binds an integer (or NULL) to the 1-based parameter `index`.
    func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(sqliteStatement, index, value) } else { sqlite3_bind_null(sqliteStatement, index) }
    }

    /// Runs the bound statement to completion and resets it for the next row.
    ///
    /// - Throws: `DatabaseError` with SQLite's message and the statement's SQL.
    func runBound(in db: Database) throws {
        let code = sqlite3_step(sqliteStatement)
        sqlite3_reset(sqliteStatement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }
}
