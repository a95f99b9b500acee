import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraStorage

/// A batch written into an empty memory runs in bulk mode (indexes rebuilt at the end, duplicates
/// found in memory); it must store exactly what the incremental path stores.
struct BulkImportTests {
    /// Units with duplicates inside the batch: same content, same tuid and source with a newer or
    /// older date, CJK text for the trigram index.
    static var units: [TranslationUnit] {
        var units: [TranslationUnit] = []
        for index in 0..<40 {
            units.append(pair("Sentence \(index % 25)", "Satz \(index)", to: index.isMultiple(of: 3) ? "ja" : "de-DE",
                              tuid: "t\(index % 25)", changed: "202\(index % 10)0101T000000Z"))
        }
        units += (0..<6).map(richUnit) + (0..<6).map(richUnit)
        return units
    }

    func storedState(_ tm: TranslationMemory, skippingFirst: Bool) throws -> (units: [TranslationUnit], fullText: [Int]) {
        var units = try tm.allUnits().map(\.unit)
        if skippingFirst { units.removeFirst() }
        let fullText = try tm.read { db in
            try ["satz", "sentence", "istanbul", "press"].map { word in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH ?", arguments: [word]) ?? -1
            } + [Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantTrigram_docsize") ?? -1]
        }
        return (units, fullText)
    }

    @Test(arguments: DuplicatePolicy.allCases)
    func importBatch_bulkModeStoresWhatIncrementalModeStores(_ policy: DuplicatePolicy) throws {
        let bulk = try TranslationMemory.open(path: try temporaryDatabasePath())
        let bulkReport = try bulk.write(units: Self.units, batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)

        let incremental = try TranslationMemory.open(path: try temporaryDatabasePath())
        try incremental.write(units: [pair("seed", "Saat", to: "tr")], batch: ImportBatch(kind: .tmx, filePath: "seed.tmx"))
        var incrementalReport = try incremental.write(units: Self.units, batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        incrementalReport.batchID = bulkReport.batchID
        #expect(bulkReport == incrementalReport)
        if policy != .add { #expect(bulkReport.duplicates > 0) }

        let bulkState = try storedState(bulk, skippingFirst: false)
        let incrementalState = try storedState(incremental, skippingFirst: true)
        #expect(bulkState.units == incrementalState.units)
        #expect(bulkState.fullText == incrementalState.fullText)
        let indexes = try bulk.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        }
        for index in Schema.secondaryIndexes { #expect(indexes.contains(index.name)) }
        // A second batch (incremental mode) still finds the duplicates of the first.
        let again = try bulk.write(units: Self.units, batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        if policy != .add { #expect(again.added == 0) }
    }

    struct Interrupted: Error {}

    @Test func importBatch_throwInBulkBatchKeepsSchemaAndEmptyMemory() throws {
        let tm = try TranslationMemory.open(path: try temporaryDatabasePath())
        let schemaBefore = try tm.read { db in try String.fetchAll(db, sql: "SELECT name || IFNULL(sql, '') FROM sqlite_master ORDER BY name") }
        #expect(throws: Interrupted.self) {
            try tm.importBatch(ImportBatch(kind: .tmx, filePath: "x.tmx"), policy: .overwrite) { sink in
                for unit in Self.units { try sink.add(unit) }
                throw Interrupted()
            }
        }
        let schemaAfter = try tm.read { db in try String.fetchAll(db, sql: "SELECT name || IFNULL(sql, '') FROM sqlite_master ORDER BY name") }
        #expect(schemaAfter == schemaBefore)
        #expect(try dump(tm).isEmpty)
        let fullText = try tm.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText_docsize") }
        #expect(fullText == 0)
    }
}
