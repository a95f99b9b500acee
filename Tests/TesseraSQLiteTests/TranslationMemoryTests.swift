import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

struct TranslationMemoryTests {
    @Test func open_migratesSchemaOnceAndReopens() throws {
        let path = try temporaryDatabasePath()
        let tm = try SQLiteTranslationStore.open(path: path)
        let migrations = try tm.appliedMigrations()
        #expect(migrations == [
            "v1: batches, units, variants, props, notes", "v1: full-text indexes on variant text",
            "v2: full-text rows written by UnitSink; no unit_batch index",
            "v3: full-text tables without column sizes",
            "v4: one duplicate key per unit, tuid included", "v4: counts kept by writes", "v4: no variant.key", "v5: highest variant id kept across deletions",
        ])
        let tables = try tm.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
        }
        for table in ["importBatch", "unit", "variant", "prop", "note", "variantText", "variantTrigram"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let journal = try tm.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        try tm.write(units: [pair("a", "b")], batch: ImportBatch(kind: .tmx, filePath: "x.tmx"))
        let reopened = try SQLiteTranslationStore.open(path: path)
        #expect(try reopened.appliedMigrations() == migrations)
        #expect(try reopened.stats().units == 1)
    }

    /// A file made by the v1 schema (full-text triggers) is migrated: no trigger is left to index
    /// a row twice, and the full-text index matches the rows.
    @Test func open_migratesAVersion1File() throws {
        let path = try temporaryDatabasePath()
        do {
            let pool = try DatabasePool(path: path)
            try Schema.migrator.migrate(pool, upTo: "v1: full-text indexes on variant text")
            try pool.write { db in
                try db.execute(sql: "INSERT INTO importBatch (kind, filePath, fileName, startedAt) VALUES ('tmx', 'old.tmx', 'old.tmx', 'x')")
                try db.execute(sql: """
                    INSERT INTO unit (sourceLang, origin, batchId, contentHash) VALUES ('en', 'imported', 1, 1);
                    INSERT INTO variant (unitId, lang, base, markup, plain, key, codes, position)
                    VALUES (1, 'en', 'en', 'old text', 'old text', 'old text', 0, 0);
                    """)
            }
        }
        let tm = try SQLiteTranslationStore.open(path: path)
        let triggers = try tm.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'") }
        #expect(triggers == 0)
        try tm.write(units: [pair("new text", "neuer Text", to: "de")], batch: ImportBatch(kind: .tmx, filePath: "new.tmx"))
        let hits = try tm.read { db in
            try ["old", "new", "text"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH ?", arguments: [$0]) }
        }
        #expect(hits == [1, 1, 3])  // "text" is in "old text", "new text" and "neuer Text"
        try tm.pool.write { db in
            try db.execute(sql: "INSERT INTO variantText(variantText, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func open_rejectsMissingFolder() {
        #expect(throws: StorageError.self) {
            _ = try SQLiteTranslationStore.open(path: "/nonexistent-\(UUID().uuidString)/tm.db")
        }
    }

    @Test func write_roundTripsCodesPropsNotesAndAttributes() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let units = (0..<25).map(richUnit)
        let report = try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "/a/rich.tmx"), policy: .add)
        #expect(report.added == units.count)
        let stored = try tm.allUnits()
        #expect(stored.map(\.unit) == units)
        #expect(stored.map(\.sourceLanguage) == Array(repeating: tag("en-US"), count: units.count))
        // Paging gives the same units in the same order whatever the page size.
        var paged: [TranslationUnit] = []
        try tm.forEachUnit(pageSize: 7) { paged.append($0.unit) }
        #expect(paged == units)
    }

    @Test func write_storesDerivedColumns() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: [richUnit(3)], batch: ImportBatch(kind: .tmx, filePath: "r.tmx"))
        let rows = try tm.read { db in
            try Row.fetchAll(db, sql: "SELECT lang, base, plain, codes FROM variant ORDER BY position")
        }
        #expect(rows.count == 3)
        let source = richUnit(3).variants[0].segment
        #expect(rows[0]["plain"] as String == source.plainText)
        #expect(rows[0]["codes"] as Int == source.codeCount)
        #expect(rows[1]["base"] as String == "tr")
        // The normalized key is no longer stored (nothing read it).
        let columns = try tm.read { db in try db.columns(in: "variant").map(\.name) }
        #expect(!columns.contains("key"))
    }

    static let policyCases: [(DuplicatePolicy, added: Int, replaced: Int, skipped: Int, target: String)] = [
        (.add, 3, 0, 0, "ancien"),
        (.overwrite, 0, 3, 0, "nouveau"),
        (.keepExisting, 0, 0, 3, "ancien"),
        (.keepNewest, 0, 1, 2, "ancien|nouveau"),
    ]

    /// Second batch: the same tuid and source with a newer date, an older date and no date.
    @Test(arguments: policyCases)
    func write_appliesDuplicatePolicy(
        _ policy: DuplicatePolicy, added: Int, replaced: Int, skipped: Int, target: String
    ) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let first = [
            pair("One", "ancien", tuid: "1", changed: "20200101T000000Z"),
            pair("Two", "ancien", tuid: "2", changed: "20200101T000000Z"),
            pair("Three", "ancien", tuid: "3", changed: "20200101T000000Z"),
        ]
        try tm.write(units: first, batch: ImportBatch(kind: .tmx, filePath: "first.tmx"), policy: .add)
        let second = [
            pair("One", "nouveau", tuid: "1", changed: "20240101T000000Z"),
            pair("Two", "nouveau", tuid: "2", changed: "20190101T000000Z"),
            pair("Three", "nouveau", tuid: "3"),
        ]
        let report = try tm.write(units: second, batch: ImportBatch(kind: .tmx, filePath: "second.tmx"), policy: policy)
        #expect(report.added == added)
        #expect(report.replaced == replaced)
        #expect(report.skippedDuplicates == skipped)
        let stats = try tm.stats()
        #expect(stats.units == 3 + added)
        let targets = try tm.allUnits().prefix(3).map { $0.unit.variants[1].segment.plainText }
        if target.contains("|") {
            #expect(targets == ["nouveau", "ancien", "ancien"])
        } else {
            #expect(targets == Array(repeating: target, count: 3))
        }
        // The full-text index follows replacements: it finds exactly the stored texts.
        let stored = try tm.allUnits().map { $0.unit.variants[1].segment.plainText }
        for word in ["ancien", "nouveau"] {
            let hits = try tm.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH ?", arguments: [word])
            }
            #expect(hits == stored.filter { $0 == word }.count, "\(word)")
        }
        // FTS5's own check that the external-content index matches the variant rows.
        try tm.pool.write { db in
            try db.execute(sql: "INSERT INTO variantText(variantText, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test(arguments: DuplicatePolicy.allCases)
    func write_sameUnitsTwiceAddsNothingUnlessAdd(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let units = (0..<10).map(richUnit) + [pair("Hello", "Bonjour"), pair("Hello", "Salut")]
        try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        let before = try tm.allUnits().map(\.unit)
        // Variant order does not matter for the duplicate rule.
        let reordered = units.map { unit -> TranslationUnit in
            var unit = unit
            unit.variants.reverse()
            return unit
        }
        let report = try tm.write(units: reordered, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        let after = try tm.stats().units
        if policy == .add {
            #expect(after == 2 * units.count)
        } else {
            #expect(report.added == 0)
            #expect(report.duplicates == units.count)
            #expect(after == units.count)
            if policy != .overwrite { #expect(try tm.allUnits().map(\.unit) == before) }
        }
    }

    @Test func write_findsDuplicatesInsideOneBatch() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let report = try tm.write(
            units: [pair("Hi", "Salut"), pair("Hi", "Salut"), pair("Hi", "Coucou")],
            batch: ImportBatch(kind: .tmx, filePath: "dups.tmx"), policy: .keepExisting)
        #expect(report.added == 2)
        #expect(report.skippedDuplicates == 1)
    }

    @Test func write_skipsUnitsWithoutVariants() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let report = try tm.write(
            units: [TranslationUnit(tuid: "empty"), pair("a", "b")], batch: ImportBatch(kind: .tmx, filePath: "e.tmx"))
        #expect(report.received == 2)
        #expect(report.skippedEmpty == 1)
        #expect(try tm.stats().units == 1)
    }

    struct Interrupted: Error {}

    @Test func importBatch_throwMidBatchLeavesDatabaseUnchanged() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: (0..<5).map(richUnit), batch: ImportBatch(kind: .tmx, filePath: "base.tmx"))
        let before = try dump(tm)
        let statsBefore = try tm.stats()
        #expect(throws: Interrupted.self) {
            _ = try tm.importBatch(ImportBatch(kind: .tmx, filePath: "broken.tmx"), policy: .overwrite) { sink in
                for index in 0..<8 { try sink.add(richUnit(index)) }  // replaces 5, adds 3
                try sink.add(pair("new", "neu", to: "de"))
                throw Interrupted()
            }
        }
        #expect(try dump(tm) == before)
        #expect(try tm.stats() == statsBefore)
        let fullText = try tm.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH 'neu'") }
        #expect(fullText == 0)
    }

    @Test func read_secondMemoryReadsWhileWriteTransactionIsOpen() throws {
        let path = try temporaryDatabasePath()
        let writer = try SQLiteTranslationStore.open(path: path)
        try writer.write(units: [pair("a", "b")], batch: ImportBatch(kind: .tmx, filePath: "one.tmx"))
        let reader = try SQLiteTranslationStore.open(path: path)
        var seenDuringWrite: Int?
        try writer.importBatch(ImportBatch(kind: .tmx, filePath: "two.tmx")) { sink in
            try sink.add(pair("c", "d"))
            try sink.add(pair("e", "f"))
            seenDuringWrite = try reader.stats().units
        }
        #expect(seenDuringWrite == 1)
        #expect(try reader.stats().units == 3)
    }

    @Test func forEachUnit_filtersBySourceAndTargetLanguage() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(
            units: [
                pair("a", "b", from: "en-US", to: "fr-FR"), pair("c", "d", from: "en-GB", to: "de-DE"),
                pair("e", "f", from: "de-DE", to: "fr-CA"), richUnit(1),
            ],
            batch: ImportBatch(kind: .tmx, filePath: "f.tmx"))
        let english = try tm.allUnits(matching: UnitFilter(source: tag("en-US")))
        #expect(english.count == 3)
        let englishFrench = try tm.allUnits(matching: UnitFilter(source: tag("en"), targets: [tag("fr-CA")]))
        #expect(englishFrench.map { $0.unit.variants[0].segment.plainText } == ["a"])
        let anyToJapaneseOrGerman = try tm.allUnits(matching: UnitFilter(targets: [tag("ja"), tag("de")]))
        #expect(anyToJapaneseOrGerman.count == 3)
    }

    @Test func stats_countsLanguagesPairsAndBatches() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let header = TMXHeader(version: "1.4", attributes: [Attribute("srclang", "de-DE")])
        let threeLanguages = TranslationUnit(variants: [
            Variant(language: tag("EN-US"), segment: Segment(text: "Hello")),
            Variant(language: tag("DE-DE"), segment: Segment(text: "Hallo")),
            Variant(language: tag("CS-CZ"), segment: Segment(text: "Ahoj")),
        ])
        try tm.write(units: [threeLanguages], batch: ImportBatch(kind: .tmx, filePath: "memory.tmx", header: header))
        try tm.write(units: [pair("x", "y")], batch: ImportBatch(kind: .aligned, filePath: ""))
        let stats = try tm.stats()
        #expect(stats.units == 2)
        #expect(stats.variants == 5)
        #expect(Set(stats.languages.map(\.language)) == ["en-US", "de-DE", "cs-CZ", "fr-FR"])
        #expect(stats.languages.first { $0.language == "en-US" }?.variants == 2)
        let pairs = Set(stats.pairs.map { "\($0.source)>\($0.target):\($0.units)" })
        #expect(pairs == ["de-DE>en-US:1", "de-DE>cs-CZ:1", "en-US>fr-FR:1"])
        #expect(stats.batches.map(\.kind) == ["tmx", "aligned"])
        #expect(stats.batches.map(\.units) == [1, 1])
        #expect(stats.batches.allSatisfy { $0.finishedAt != nil })
        let storedHeader = try tm.read { db in try String.fetchOne(db, sql: "SELECT header FROM importBatch WHERE id = 1") }
        let decoded = try JSONDecoder().decode(TMXHeader.self, from: Data((storedHeader ?? "").utf8))
        #expect(decoded == header)
    }

    @Test func fullTextIndex_foldsDiacriticsAndCaseAndIndexesCJKTrigrams() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: (0..<3).map(richUnit), batch: ImportBatch(kind: .tmx, filePath: "r.tmx"))
        let hits = try tm.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantText WHERE variantText MATCH 'istanbul'")
        }
        #expect(hits == 6)  // the hi element in en-US and the Turkish variant, three units
        let cjk = try tm.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variantTrigram WHERE variantTrigram MATCH '東京で'")
        }
        #expect(cjk == 3)
        let trigramRows = try fullTextRowIDs(tm, "variantTrigram").count
        #expect(trigramRows == 3)  // only the Japanese variants are trigram-indexed
    }
}
