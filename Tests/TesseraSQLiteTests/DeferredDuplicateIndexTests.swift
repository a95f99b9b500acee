import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// A batch into an empty memory under a policy that checks duplicates leaves `unit_duplicateKey`
/// out while every key is new (the batch's keys are held in memory instead) and creates it at the
/// first key seen twice or at the key limit, so the duplicates are still found.
struct DeferredDuplicateIndexTests {
    static func hasDuplicateIndex(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'unit_duplicateKey')") == true
    }

    static let checkingPolicies: [DuplicatePolicy] = [.overwrite, .keepExisting, .keepNewest]

    @Test(arguments: checkingPolicies)
    func importBatch_intoEmptyMemory_createsTheIndexAtTheFirstRepeatedKey(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        var during: [Bool] = []
        let report = try tm.pool.write { db -> WriteReport in
            let sink = try UnitSink(db: db, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
            for index in 0..<3 { try sink.add(pair("Sentence \(index)", "Phrase \(index)", tuid: "t\(index)")) }
            during.append(try Self.hasDuplicateIndex(db))
            try sink.add(pair("Sentence 1", "Phrase 1", tuid: "t1", changed: "20300101T000000Z"))
            during.append(try Self.hasDuplicateIndex(db))
            try sink.add(pair("Sentence 2", "Phrase 2", tuid: "t2", changed: "20300101T000000Z"))
            try sink.finish()
            return sink.report
        }
        #expect(during == [false, true])
        #expect(report.added == 3 && report.duplicates == 2)
        #expect(try tm.read { try Self.hasDuplicateIndex($0) })
    }

    @Test(arguments: checkingPolicies)
    func importBatch_intoEmptyMemory_createsTheIndexAtTheKeyLimit(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        var during: [Bool] = []
        let report = try tm.pool.write { db -> WriteReport in
            let sink = try UnitSink(db: db, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
            sink.deferredKeyLimit = 4
            for index in 0..<4 { try sink.add(pair("Sentence \(index)", "Phrase \(index)")) }
            during.append(try Self.hasDuplicateIndex(db))
            try sink.add(pair("Sentence 9", "Phrase 9"))
            during.append(try Self.hasDuplicateIndex(db))
            // Keys written before the switch are still found (through the Bloom filter and SQL).
            for index in 0..<4 { try sink.add(pair("Sentence \(index)", "Phrase \(index)")) }
            try sink.finish()
            return sink.report
        }
        #expect(during == [false, true])
        #expect(report.added == 5 && report.duplicates == 4)
    }

    @Test func importBatch_intoNonEmptyMemory_keepsTheIndex() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: [pair("seed", "graine")], batch: ImportBatch(kind: .tmx, filePath: "seed.tmx"))
        let present = try tm.pool.write { db -> Bool in
            let sink = try UnitSink(db: db, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: .keepNewest)
            try sink.add(pair("Sentence", "Phrase"))
            return try Self.hasDuplicateIndex(db)
        }
        #expect(present)
    }
}
