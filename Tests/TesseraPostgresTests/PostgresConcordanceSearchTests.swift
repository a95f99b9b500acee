import Foundation
import GRDB
import PostgresNIO
import Testing
import TesseraCore
import TesseraMatching
@testable import TesseraPostgres
import TesseraSQLite
import TesseraStorage
import TesseraTMX
import TesseraTestSupport

/// Concordance on PostgreSQL gives the SQLite backend's results: the same units, with the same
/// ids, in an SQLite store and in PostgreSQL's `variant` table, and a table of queries run on both.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresConcordanceSearchTests {
    /// An SQLite store and a PostgreSQL schema holding the same variants.
    struct Stores: Sendable {
        let sqlite: SQLiteTranslationStore
        let postgres: PostgresStore
    }

    /// The repository's folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Real text: the seed article (English, German, French, Turkish), sample memories of open
    /// tools (Japanese, Chinese, several European languages), and units for what they lack (Thai,
    /// Korean, Russian, symbols, emoji, apostrophes, diacritics, long German compounds).
    static let files: [String] = [
        repository.appendingPathComponent("TMX/seed-article.en-de-fr-tr.tmx").path,
        "/work/shared/samples/tmx/amake+SuperTMXMerge/l10n/ja-jp.tmx",
        "/work/shared/samples/tmx/omegat-org+omegat/src/testAcceptance/resources/data/project_CN_JP/omegat/project_save.tmx",
        "/work/shared/samples/tmx/WeblateOrg+weblate/weblate/trans/tests/data/memory.tmx",
        "/work/shared/samples/tmx/omegat-org+omegat/src/test/resources/data/tmx/en-US_en-GB_fr_sr.tmx",
        "/work/shared/samples/tmx/mihnita+okapi/okapi/filters/tmx/src/test/resources/Paragraph_TM.tmx",
    ]

    /// Units written here, for what the files lack.
    static let extraUnits: [TranslationUnit] = [
        unit([("en", "Don't save the file's name — it's “final”."), ("th", "อย่าบันทึกชื่อไฟล์ มันเป็นไฟล์สุดท้าย")]),
        unit([("en", "Costs 5 € per file 🙂 → next"), ("de", "Kostet 5 € pro Datei 🙂 → weiter"), ("ko", "파일당 5 € 비용")]),
        unit([("en", "Café déjà vu: naïve coöperation, Æsir and ŒUVRE"), ("fr", "Café, déjà vu : naïveté et œuvre d'ÉTÉ"), ("ru", "Сохранить файл? Ещё раз: ЙОД и йод")]),
        unit([("de", "Die Donaudampfschifffahrtsgesellschaft und die Straße"), ("en", "The Danube steamship company and the STRASSE")]),
        unit([("en-US", "Production lines, produced products, and a producer's line"), ("de", "Produktionslinien")]),
        unit([("tr", "İstanbul'da ISTANBUL ve ıspanak; Işık"), ("en", "Istanbul")]),
        unit([("en", "C++ and C# and a_b_c, 3.14 and 1,000 and v2.0"), ("zh", "保存文件：C++ 和 3.14")]),
        unit([("th", "ภาษาไทยไม่มีช่องว่างระหว่างคำ"), ("en", "Thai has no spaces between words")]),
    ]

    static func unit(_ variants: [(String, String)]) -> TranslationUnit {
        TranslationUnit(tuid: nil, sourceLanguage: nil, attributes: [], variants: variants.map {
            Variant(language: LanguageTag($0.0)!, segment: Segment(text: $0.1))
        })
    }

    /// Both stores, filled once for the suite.
    static let stores: Result<Stores, any Error> = Result { try fill() }

    static func fill() throws -> Stores {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-pgconc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sqlite = try SQLiteTranslationStore.open(path: folder.appendingPathComponent("parity.db").path)
        var units = extraUnits
        for file in files where FileManager.default.fileExists(atPath: file) {
            let reader = try TMXReader(path: file, options: .skipInvalid)
            while let unit = try reader.next() { units.append(unit) }
        }
        if let bench = ProcessInfo.processInfo.environment["BENCH_DATA"] {
            let reader = try TMXReader(path: bench + "/tmx/tm-10k.tmx")
            while let unit = try reader.next() { units.append(unit) }
        }
        try sqlite.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "parity.tmx", header: nil), policy: .add)
        let rows = try DatabaseQueue(path: folder.appendingPathComponent("parity.db").path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, unitId, lang, base, markup, plain, codes, attributes, position FROM variant ORDER BY id")
        }
        let location = try PostgresLocation(url: try #require(PostgresTestServer.freshURL("conc")))
        let pool = PostgresPool(location: location)
        // The store's own table (until the store lands), half the rows, the concordance
        // migrations (which index and read the vocabulary of those), the other half (the trigger).
        try PostgresMigrator(pool: pool).apply([variantTable])
        let half = rows.count / 2
        try insert(rows[..<half], pool: pool)
        try PostgresMigrator(pool: pool).apply(PostgresConcordanceSearch.migrations)
        try insert(rows[half...], pool: pool)
        return Stores(sqlite: sqlite, postgres: PostgresStore(pool: pool))
    }

    /// The `variant` table as the memory store creates it (pgcommon).
    static let variantTable = PostgresMigration("test v1: variant", [
        """
        CREATE TABLE variant (id bigint PRIMARY KEY, unit_id bigint NOT NULL, lang text NOT NULL, base text NOT NULL,
            markup text NOT NULL, plain text NOT NULL, codes integer NOT NULL, attributes text, position integer NOT NULL)
        """,
        "CREATE INDEX variant_unit ON variant (unit_id)",
    ])

    static func insert(_ rows: ArraySlice<Row>, pool: PostgresPool) throws {
        try pool.withTransaction("BEGIN") { connection in
            let copy = PostgresCopy(
                connection: connection, table: "variant",
                columns: ["id", "unit_id", "lang", "base", "markup", "plain", "codes", "attributes", "position"], logger: pool.logger)
            for row in rows {
                try copy.append([
                    .bigint(row[0] as Int64), .bigint(row[1] as Int64), .text(row[2]), .text(row[3]), .text(row[4]), .text(row[5]),
                    .integer(Int32(row[6] as Int64)), .text(row[7] as String?), .integer(Int32(row[8] as Int64)),
                ])
            }
            try copy.finish()
        }
    }

    /// A query of the table: input, mode, language, other language, limit, and whether SQLite
    /// finds anything (so that two empty results do not pass for agreement by accident; `nil`: it
    /// depends on whether the bench corpus is loaded too).
    struct Example: Sendable, CustomTestStringConvertible {
        var input: String
        var mode: ConcordanceQuery.Mode = .phrase
        var language = "en"
        var other: String?
        var limit = 50
        var finds: Bool? = true
        var testDescription: String { "\(input) (\(mode), \(language)\(other.map { "→" + $0 } ?? ""), \(limit))" }
    }

    static let examples: [Example] = [
        // Words and phrases.
        Example(input: "NATO"), Example(input: "the NATO Summit"), Example(input: "defense spending"),
        Example(input: "need to spend more"), Example(input: "spending need", mode: .allWords),
        Example(input: "Rutte NATO Ukraine", mode: .allWords, finds: false), Example(input: "the", limit: 5), Example(input: "the", limit: 500),
        Example(input: "file"), Example(input: "save file", mode: .allWords), Example(input: "the file", limit: 1),
        // Forms of a word (stems), quoted words, prefixes.
        Example(input: "line"), Example(input: "\"line\""), Example(input: "lines"), Example(input: "produce"),
        Example(input: "product"), Example(input: "prod*"), Example(input: "prod* lines"), Example(input: "stress"),
        Example(input: "invest*"), Example(input: "\"production lines\""), Example(input: "\"member states\" increase", mode: .allWords),
        Example(input: "Verteidigungsausgaben", language: "de"), Example(input: "Generalsekretär", language: "de"),
        Example(input: "Gipfel", language: "de"), Example(input: "Donaudampfschifffahrtsgesellschaft", language: "de"),
        Example(input: "Straße", language: "de"), Example(input: "strasse", language: "de"),
        Example(input: "défense", language: "fr"), Example(input: "defense", language: "fr"), Example(input: "OEUVRE", language: "fr", finds: false),
        Example(input: "œuvre", language: "fr"), Example(input: "ete", language: "fr"),
        Example(input: "savunma", language: "tr"), Example(input: "istanbul", language: "tr"), Example(input: "ıspanak", language: "tr"),
        // Diacritics and case folded.
        Example(input: "cafe deja vu"), Example(input: "NAIVE"), Example(input: "aesir", finds: false), Example(input: "æsir"),
        Example(input: "йод", language: "ru"), Example(input: "ЕЩЁ", language: "ru"), Example(input: "еще", language: "ru", finds: false),
        // Apostrophes, punctuation, numbers, symbols, emoji.
        Example(input: "don't"), Example(input: "it's final"), Example(input: "file's"), Example(input: "3.14"), Example(input: "1,000"),
        Example(input: "v2"), Example(input: "C++"), Example(input: "C#"), Example(input: "a_b_c"), Example(input: "€"),
        Example(input: "5 € per"), Example(input: "🙂"), Example(input: "→ next"), Example(input: "€ 🙂", mode: .allWords),
        Example(input: "“final”"), Example(input: "NEAR(file", finds: false), Example(input: "\"unpaired", finds: false),
        // Other language.
        Example(input: "file", other: "de"), Example(input: "NATO", other: "fr-FR"), Example(input: "the", other: "th"),
        Example(input: "NATO", other: "ja", finds: false),
        // Languages written without spaces: trigrams, shorter substrings, Thai.
        Example(input: "保存", language: "ja"), Example(input: "ファイル", language: "ja"), Example(input: "ファイル 保存", mode: .allWords, language: "ja", finds: nil),
        Example(input: "を", language: "ja"), Example(input: "文件", language: "zh"), Example(input: "C++", language: "zh"),
        Example(input: "c++ 和", language: "zh"), Example(input: "ไฟล์", language: "th"), Example(input: "ภาษาไทย", language: "th"),
        Example(input: "ช่องว่าง", language: "th"), Example(input: "파일", language: "ko"), Example(input: "€", language: "ko"),
        // Limits.
        Example(input: "NATO", limit: 1), Example(input: "NATO", limit: 0),
    ]

    @Test(arguments: examples)
    func searchGivesTheSQLiteResults(example: Example) throws {
        let stores = try Self.stores.get()
        let query = try #require(ConcordanceQuery(example.input, mode: example.mode))
        let language = try #require(LanguageTag(example.language))
        let other = example.other.flatMap { LanguageTag($0) }
        let expected = try stores.sqlite.searchConcordance(query, language: language, otherLanguage: other, limit: example.limit, pairFilter: nil)
        let found = try PostgresConcordanceSearch.search(
            stores.postgres, query: query, language: language, otherLanguage: other, limit: example.limit, pairFilter: nil)
        #expect(found.total == expected.total)
        #expect(found.hits.map(\.highlighted) == expected.hits.map(\.highlighted))
        #expect(found == expected)
        if let finds = example.finds { #expect((expected.total > 0) == finds) }
    }

    /// The bench corpus's queries (`BENCH_DATA`), words of each in phrase and word mode.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BENCH_DATA"] != nil), arguments: ["en", "de", "ja"])
    func benchQueriesGiveTheSQLiteResults(language: String) throws {
        let stores = try Self.stores.get()
        let bench = try #require(ProcessInfo.processInfo.environment["BENCH_DATA"])
        let lines = try String(contentsOfFile: "\(bench)/queries/queries-\(language).txt", encoding: .utf8).split(separator: "\n")
        let tag = try #require(LanguageTag(language))
        var compared = 0
        for line in lines.prefix(60) {
            let words = line.split(separator: " ")
            for input in [String(line), words.prefix(2).joined(separator: " "), words.first.map(String.init) ?? ""] {
                for mode in ConcordanceQuery.Mode.allCases {
                    guard let query = ConcordanceQuery(input, mode: mode) else { continue }
                    let expected = try stores.sqlite.searchConcordance(query, language: tag, otherLanguage: nil, limit: 20, pairFilter: nil)
                    let found = try PostgresConcordanceSearch.search(stores.postgres, query: query, language: tag, otherLanguage: nil, limit: 20, pairFilter: nil)
                    #expect(found == expected, "\(input) (\(mode))")
                    compared += expected.total > 0 ? 1 : 0
                }
            }
        }
        #expect(compared > (language == "ja" ? 0 : 50))
    }

    /// FTS5's marks: overlapping instances are one mark; a mark ends at its last token.
    @Test(arguments: [
        ("Save the file", [0..<4, 5..<8, 9..<13], [(1, 2)], "Save \u{1}the file\u{2}"),
        ("a b c", [0..<1, 2..<3, 4..<5], [(0, 2), (1, 2)], "\u{1}a b c\u{2}"),
        ("a b c", [0..<1, 2..<3, 4..<5], [(0, 1), (2, 1)], "\u{1}a\u{2} b \u{1}c\u{2}"),
        ("a b c", [0..<1, 2..<3, 4..<5], [(0, 1), (1, 1)], "\u{1}a\u{2} \u{1}b\u{2} c"),
        ("abc", [0..<3], [], "abc"),
    ])
    func highlightMarksAsFTS5(text: String, tokens: [Range<Int>], instances: [(Int, Int)], expected: String) {
        let highlight = PostgresConcordanceHighlight(text: text, tokens: tokens)
        #expect(highlight.marked(instances: instances.map { (start: $0.0, size: $0.1) }) == expected)
    }
}
