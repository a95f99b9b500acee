import GRDB
import TesseraStorage

extension StorageError {
    /// The error for a database file that cannot be opened or migrated: a file that is not an
    /// SQLite database (random bytes, a TMX given as `--db`) or a damaged one gives one line
    /// naming the file, without SQL (`tm.db: not a Tessera database (file is not a database)`);
    /// other failures keep their sentence.
    ///
    /// - Parameters:
    ///   - error: what GRDB threw.
    ///   - path: the database file.
    ///   - fallback: the kind and sentence for any other failure.
    static func opening(_ error: any Error, path: String, fallback: (Kind, String)) -> StorageError {
        if let file = fileFault(error, path: path) { return file }
        let reason = (error as? DatabaseError)?.message ?? "\(error)"
        return StorageError(fallback.0, "\(fallback.1) \(path): \(reason).")
    }

    /// `notADatabase` or `damaged` for the SQLite result codes that mean the file itself is bad.
    static func fileFault(_ error: any Error, path: String?) -> StorageError? {
        guard let error = error as? DatabaseError else { return nil }
        let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return StorageError(.notADatabase, "not a Tessera database (\(reason))", file: path)
        case .SQLITE_CORRUPT:
            return StorageError(.damaged, "the database is damaged (\(reason))", file: path)
        default:
            return nil
        }
    }

    /// Refuses an SQLite database that other software made (it has tables, none of them Tessera's
    /// migration log), before a migration adds tables to it.
    static func requireTesseraDatabase(_ pool: DatabasePool, path: String) throws(StorageError) {
        let tables: [String]
        do {
            tables = try pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            }
        } catch {
            throw opening(error, path: path, fallback: (.cannotOpen, "Cannot open the database"))
        }
        guard !tables.isEmpty, !tables.contains("grdb_migrations") else { return }
        let listed = tables.count <= 3 ? tables.joined(separator: ", ") : tables.prefix(3).joined(separator: ", ") + ", ..."
        throw StorageError(.notADatabase, "not a Tessera database (an SQLite database with other tables: \(listed))", file: path)
    }
}
