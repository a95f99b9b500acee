import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// The counts kept by writes (`languageCount`, `pairCount`, `importBatch.units`) equal a full
/// recount of the rows after any series of writes, and `stats` reads them.
struct MemoryCountsTests {
    /// The statistics counted from the rows themselves (what `stats` did before the counts were
    /// kept): the reference the kept counts must equal.
    static func recount(_ tm: SQLiteTranslationStore) throws -> MemoryStats {
        try tm.read { db in
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            let variants = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM variant") ?? 0
            let languages = try Row.fetchAll(
                db, sql: "SELECT lang, COUNT(*) FROM variant GROUP BY lang ORDER BY COUNT(*) DESC, lang"
            ).map { MemoryStats.LanguageCount(language: $0[0], variants: $0[1]) }
            let pairs = try Row.fetchAll(db, sql: """
                SELECT unit.sourceLang, variant.lang, COUNT(DISTINCT unit.id) AS n
                FROM unit JOIN variant ON variant.unitId = unit.id WHERE variant.lang <> unit.sourceLang
                GROUP BY unit.sourceLang, variant.lang ORDER BY n DESC, unit.sourceLang, variant.lang
                """).map { MemoryStats.PairCount(source: $0[0], target: $0[1], units: $0[2]) }
            let batches = try Row.fetchAll(db, sql: """
                SELECT b.id, b.kind, b.filePath, b.startedAt, b.finishedAt, IFNULL(c.n, 0)
                FROM importBatch b LEFT JOIN (SELECT batchId, COUNT(*) AS n FROM unit GROUP BY batchId) c
                ON c.batchId = b.id ORDER BY b.id
                """).map {
                MemoryStats.Batch(id: $0[0], kind: $0[1], filePath: $0[2], startedAt: $0[3], finishedAt: $0[4], units: $0[5])
            }
            return MemoryStats(units: units, variants: variants, languages: languages, pairs: pairs, batches: batches)
        }
    }

    /// The kept counts as stored, without the rows they count.
    static func keptCounts(_ tm: SQLiteTranslationStore) throws -> [String] {
        try tm.read { db in
            try String.fetchAll(db, sql: "SELECT 'lang ' || lang || ' ' || variants FROM languageCount WHERE variants <> 0 ORDER BY lang")
                + String.fetchAll(db, sql: "SELECT 'pair ' || sourceLang || '>' || targetLang || ' ' || units FROM pairCount WHERE units <> 0 ORDER BY 1")
                + String.fetchAll(db, sql: "SELECT 'batch ' || id || ' ' || units FROM importBatch ORDER BY id")
        }
    }

    /// The same counts as lines, from a statistics value.
    static func lines(_ stats: MemoryStats) -> [String] {
        stats.languages.map { "lang \($0.language) \($0.variants)" }.sorted()
            + stats.pairs.map { "pair \($0.source)>\($0.target) \($0.units)" }.sorted()
            + stats.batches.map { "batch \($0.id) \($0.units)" }
    }

    /// Batches that add, replace (moving units between batches and languages) and skip units:
    /// a unit with three languages, one with two variants in one language, units whose source
    /// language changes on replacement, and units without variants.
    static func batches(_ round: Int) -> [[TranslationUnit]] {
        let date = { (year: Int) in "\(year)0101T000000Z" }
        let three = TranslationUnit(tuid: "t", attributes: [Attribute("changedate", date(2000 + round))], variants: [
            Variant(language: tag("en-US"), segment: Segment(text: "Hello")),
            Variant(language: tag("de-DE"), segment: Segment(text: "Hallo \(round)")),
            Variant(language: tag("de-DE"), segment: Segment(text: "Servus")),
            Variant(language: tag("cs-CZ"), segment: Segment(text: "Ahoj")),
        ])
        return [
            [pair("a", "b"), pair("a", "b"), three, TranslationUnit(tuid: "empty")],
            [pair("One", "Un \(round)", tuid: "1", changed: date(2010 + round)), pair("a", "b", to: "ja"),
             pair("x", "y", from: "fr-FR", to: "en-US", tuid: "2", changed: date(2005))],
            [pair("One", "Uno", to: "it-IT", tuid: "1", changed: date(2030)), three, pair("a", "b")],
        ]
    }

    @Test(arguments: DuplicatePolicy.allCases)
    func keptCounts_equalAFullRecountAfterWrites(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        for round in 0..<2 {
            for (index, units) in Self.batches(round).enumerated() {
                try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "\(round)-\(index).tmx"), policy: policy)
                let recount = try Self.recount(tm)
                #expect(try Self.keptCounts(tm) == Self.lines(recount), "round \(round) batch \(index)")
                #expect(try tm.stats() == recount, "round \(round) batch \(index)")
            }
        }
        // Every policy but `overwrite` mixes policies on one memory too.
        try tm.write(units: Self.batches(5)[2], batch: ImportBatch(kind: .aligned, filePath: ""), policy: .overwrite)
        #expect(try tm.stats() == Self.recount(tm))
    }

    /// A batch that fails leaves the counts as they were.
    @Test func keptCounts_followARolledBackBatch() throws {
        struct Stop: Error {}
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: Self.batches(0)[0], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"))
        let before = try Self.keptCounts(tm)
        #expect(throws: Stop.self) {
            try tm.importBatch(ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: .overwrite) { sink in
                for unit in Self.batches(1)[2] { try sink.add(unit) }
                throw Stop()
            }
        }
        #expect(try Self.keptCounts(tm) == before)
        #expect(try tm.stats() == Self.recount(tm))
    }

    /// A memory written before the counts were kept gets them from its rows on open.
    @Test func open_backfillsTheCountsOfAnOlderMemory() throws {
        let path = try olderMemory("""
            INSERT INTO importBatch (kind, filePath, fileName, startedAt) VALUES ('tmx', 'old.tmx', 'old.tmx', 'x');
            INSERT INTO importBatch (kind, filePath, fileName, startedAt) VALUES ('tmx', 'empty.tmx', 'empty.tmx', 'y');
            INSERT INTO unit (tuid, sourceLang, origin, batchId, contentHash) VALUES ('1', 'en', 'imported', 1, 1);
            INSERT INTO unit (tuid, sourceLang, origin, batchId, contentHash) VALUES (NULL, 'de', 'imported', 1, 2);
            INSERT INTO variant (unitId, lang, base, markup, plain, key, codes, position) VALUES
                (1, 'en', 'en', 'a', 'a', 'a', 0, 0), (1, 'fr', 'fr', 'b', 'b', 'b', 0, 1),
                (1, 'fr', 'fr', 'c', 'c', 'c', 0, 2), (2, 'de', 'de', 'd', 'd', 'd', 0, 0),
                (2, 'en', 'en', 'e', 'e', 'e', 0, 1);
            """)
        let tm = try SQLiteTranslationStore.open(path: path)
        #expect(try Self.keptCounts(tm) == ["lang de 1", "lang en 2", "lang fr 2", "pair de>en 1", "pair en>fr 1", "batch 1 2", "batch 2 0"])
        #expect(try tm.stats() == Self.recount(tm))
    }
}
