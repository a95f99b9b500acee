import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage

struct ImportExportTextFormatsTests {
    /// A memory with an en-US/en/fr-FR/fr-CA unit, an en-GB/de unit and a de/cs unit.
    func makeMemory() throws -> (StoreLocation, URL) {
        let folder = try ImportExportSupport.temporaryFolder()
        let location = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let memory = try SQLiteTranslationStore.open(path: location.description)
        try memory.write(
            units: [
                ImportExportSupport.unit([("en", "Hello"), ("en-US", "Hi\tthere"), ("fr-FR", "Bonjour"), ("fr-CA", "Allô\\\n")], tuid: "1"),
                ImportExportSupport.unit([("en-GB", "Colour"), ("de-DE", "Farbe")], tuid: "2"),
                ImportExportSupport.unit([("de-DE", "Haus"), ("cs-CZ", "Dům")], tuid: "3"),
            ],
            batch: ImportBatch(kind: .tmx, filePath: "t.tmx", header: TMXHeader(attributes: [Attribute("srclang", "*all*")])))
        return (location, folder)
    }

    @Test func exportTSV_picksBestVariantsWithRegionFallbackAndEscapes() throws {
        let (location, folder) = try makeMemory()
        let out = folder.appendingPathComponent("out.tsv").path
        let report = try ExportMemory(
            database: location, output: out, format: .tsv, source: ImportExportSupport.tag("en-US"),
            targets: [ImportExportSupport.tag("fr-CA"), ImportExportSupport.tag("de")]
        ).run()
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text == "source_language\ttarget_language\tsource\ttarget\nen-US\tfr-CA\tHi\\tthere\tAllô\\\\\\n\nen-GB\tde-DE\tColour\tFarbe\n")
        #expect(report.units == 2)
        #expect(report.pairs == 2)
        #expect(report.skipped == 0)  // the de/cs unit is filtered out by the query
    }

    @Test func exportTSV_withoutLanguagesWritesEveryPairFromTheSource() throws {
        let (location, folder) = try makeMemory()
        let out = folder.appendingPathComponent("all.tsv").path
        let report = try ExportMemory(database: location, output: out, format: .tsv).run()
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == [
            "source_language\ttarget_language\tsource\ttarget", "en\ten-US\tHello\tHi\\tthere", "en\tfr-FR\tHello\tBonjour",
            "en\tfr-CA\tHello\tAllô\\\\\\n", "en-GB\tde-DE\tColour\tFarbe", "de-DE\tcs-CZ\tHaus\tDům",
        ])
        #expect(report.pairs == 5)
    }

    @Test(arguments: [ExportMemoryFormat.json, .jsonl])
    func exportJSON_writesOneObjectPerUnit(_ format: ExportMemoryFormat) throws {
        let (location, folder) = try makeMemory()
        let out = folder.appendingPathComponent("out.\(format.rawValue)").path
        let report = try ExportMemory(database: location, output: out, format: format).run()
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let objects: [[String: Any]]
        if format == .json {
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            objects = document?["units"] as? [[String: Any]] ?? []
        } else {
            objects = try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:] }
        }
        #expect(objects.count == 3)
        #expect(report.units == 3)
        #expect(objects.map { $0["tuid"] as? String } == ["1", "2", "3"])
        let variants = objects.first?["variants"] as? [[String: Any]] ?? []
        #expect(variants.map { $0["lang"] as? String } == ["en", "en-US", "fr-FR", "fr-CA"])
        #expect(variants.last?["text"] as? String == "Allô\\\n")
    }

    @Test func stats_countsPairsPerEffectiveSource() throws {
        let (location, _) = try makeMemory()
        let stats = try Stats(database: location).run()
        #expect(stats.units == 3)
        #expect(stats.variants == 8)
        let pairs = Set(stats.pairs.map { "\($0.source)>\($0.target)" })
        #expect(pairs == ["en>en-US", "en>fr-FR", "en>fr-CA", "en-GB>de-DE", "de-DE>cs-CZ"])
        #expect(stats.summary.contains("Units:     3"))
    }

    @Test func stats_andExportRefuseAMissingDatabase() throws {
        let folder = try ImportExportSupport.temporaryFolder()
        let location = StoreLocation(option: folder.appendingPathComponent("none.db").path)
        #expect(throws: KitError.self) { _ = try Stats(database: location).run() }
        #expect(throws: KitError.self) { _ = try ExportMemory(database: location, output: "-", format: .tsv).run() }
        #expect(!location.exists)
    }

    @Test(arguments: [
        (String?.some("/a.db"), ["TESSERA_DB": "/env.db"], "/a.db"),
        (nil, ["TESSERA_DB": "/env.db"], "/env.db"),
        (nil, [:], "tessera.db"),
        ("", ["TESSERA_DB": ""], "tessera.db"),
    ])
    func databaseLocation_prefersOptionThenEnvironment(_ option: String?, _ environment: [String: String], _ expected: String) {
        #expect(StoreLocation(option: option, environment: environment) == .sqlite(path: expected))
    }

    @Test(arguments: [
        (String?.some("postgres://tm@db.example/tessera"), [String: String](), "postgres://tm@db.example/tessera"),
        (nil, ["TESSERA_DB": "postgresql://tm:secret@db.example:5433/tm"], "postgresql://tm:***@db.example:5433/tm"),
        ("POSTGRES://h/db", [:], "POSTGRES://h/db"),
    ])
    func storeLocation_parsesAPostgresURL(_ option: String?, _ environment: [String: String], _ shown: String) throws {
        let location = StoreLocation(option: option, environment: environment)
        guard case .postgres = location else {
            Issue.record("\(location) is not a PostgreSQL location")
            return
        }
        #expect(location.description == shown)
    }

    /// Every use case on a PostgreSQL server that cannot be reached fails with a storage error
    /// that never shows the password (nothing listens on port 1).
    @Test func postgresUseCasesOnAnUnreachableServerFailWithoutThePassword() {
        let location = StoreLocation("postgresql://tm:secret@127.0.0.1:1/tm")
        let uses: [() throws -> Void] = [
            { _ = try Stats(database: location).run() },
            { _ = try GlossaryList(database: location).run() },
            { _ = try ExportMemory(database: location, output: "-", format: .tsv).run() },
        ]
        for use in uses {
            #expect {
                try use()
            } throws: { error in
                error is StorageError && !"\(error)".contains("secret")
            }
        }
    }
}
