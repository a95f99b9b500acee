import Foundation
import GRDB
import Testing
@testable import TesseraSQLite
@testable import TesseraStorage

struct DatabaseOpenerTests {
    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-opener-\(UUID().uuidString).db").path
    }

    /// (journal_mode, synchronous, busy timeout in ms) of a connection.
    static func settings(_ pool: DatabasePool) throws -> [String] {
        try pool.read { db in
            [
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                try String.fetchOne(db, sql: "PRAGMA synchronous") ?? "",
                try String.fetchOne(db, sql: "PRAGMA busy_timeout") ?? "",
            ]
        }
    }

    @Test func glossaryStore_andTranslationMemory_openWithTheSameSettings() throws {
        let glossaryPath = Self.temporaryDatabase()
        let memoryPath = Self.temporaryDatabase()
        defer { for path in [glossaryPath, memoryPath] { try? FileManager.default.removeItem(atPath: path) } }
        let glossary = try SQLiteGlossaryStore.open(path: glossaryPath)
        let memory = try SQLiteTranslationStore.open(path: memoryPath)
        // WAL, synchronous = NORMAL (1), 10 s busy timeout.
        #expect(try Self.settings(glossary.pool) == ["wal", "1", "10000"])
        #expect(try Self.settings(memory.pool) == ["wal", "1", "10000"])
    }
}
