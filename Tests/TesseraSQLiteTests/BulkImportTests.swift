import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// A batch written into an empty memory runs in bulk mode (some indexes dropped and created again
/// at the end); it must store exactly what a batch into a non-empty memory stores. Both defer the
/// full-text rows of new variants to the end of the batch.
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

    func storedState(_ tm: SQLiteTranslationStore, skippingFirst: Bool) throws -> (units: [TranslationUnit], fullText: [Int]) {
        var units = try tm.allUnits().map(\.unit)
        if skippingFirst { units.removeFirst() }
        let fullText = try tm.read { db in
            try ["satz", "sentence", "istanbul", "press"].map { word in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH ?", arguments: [word]) ?? -1
            }
        } + [try fullTextRowIDs(tm, "variantTrigram").count]
        return (units, fullText)
    }

    @Test(arguments: DuplicatePolicy.allCases)
    func importBatch_bulkModeStoresWhatIncrementalModeStores(_ policy: DuplicatePolicy) throws {
        let bulk = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let bulkReport = try bulk.write(units: Self.units, batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)

        let incremental = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
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
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
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
        #expect(try fullTextRowIDs(tm, "variantText").isEmpty)
    }

    /// Runs FTS5's integrity check on `variantText`, which for an external-content table compares
    /// the index with the `variant` rows (a missing or stale full-text row fails it), and checks
    /// that the trigram table (a subset of the rows, so its own check does not apply) holds exactly
    /// the CJK variants.
    func checkFullText(_ tm: SQLiteTranslationStore) throws {
        let cjk = Schema.trigramLanguages.map { "'\($0)'" }.joined(separator: ",")
        let cjkVariants = try tm.pool.write { db in
            try db.execute(sql: "INSERT INTO variantText(variantText, rank) VALUES ('integrity-check', 1)")
            return try Int64.fetchAll(db, sql: "SELECT id FROM variant WHERE base IN (\(cjk)) AND plain != '' ORDER BY id")
        }
        let trigramRows = try fullTextRowIDs(tm, "variantTrigram")
        #expect(!cjkVariants.isEmpty)
        #expect(trigramRows == cjkVariants)
    }

    func count(_ tm: SQLiteTranslationStore, _ table: String, _ word: String) throws -> Int {
        try tm.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(table) MATCH ?", arguments: [word]) ?? -1
        }
    }

    /// A batch into a non-empty memory replaces the unit holding the largest variant ids, so SQLite
    /// gives the new variants ids at or below the batch's full-text watermark: they must be indexed
    /// at once, the old text removed, and the rest added at the end.
    @Test(arguments: [DuplicatePolicy.overwrite, .keepNewest])
    func importBatch_replacingTheLastUnitKeepsFullTextInStep(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: [
            pair("first", "premier", tuid: "a", changed: "20200101T000000Z"),
            pair("last", "東京都庁舎", to: "ja", tuid: "b", changed: "20200101T000000Z"),
        ], batch: ImportBatch(kind: .tmx, filePath: "seed.tmx"))
        try checkFullText(tm)
        let report = try tm.write(units: [
            pair("last", "大阪城公園", to: "ja", tuid: "b", changed: "20240101T000000Z"),
            pair("new", "nouveau", tuid: "c"),
            pair("new", "nouveau", tuid: "c"),
        ], batch: ImportBatch(kind: .tmx, filePath: "update.tmx"), policy: policy)
        #expect(report.replaced == (policy == .overwrite ? 2 : 1))
        #expect(report.added == 1)
        try checkFullText(tm)
        #expect(try count(tm, "variantTrigram", "大阪城") == 1)
        #expect(try count(tm, "variantTrigram", "東京都") == 0)
        #expect(try count(tm, "variantText", "nouveau") == 1)
        #expect(try count(tm, "variantText", "premier") == 1)
        #expect(try count(tm, "variantText", "last") == 1)
    }

    @Test(arguments: DuplicatePolicy.allCases)
    func importBatch_fullTextMatchesVariantsAfterEveryKindOfBatch(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: Self.units, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        try checkFullText(tm)
        try tm.write(units: Self.units.reversed(), batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        try checkFullText(tm)
    }
}
