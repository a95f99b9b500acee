import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport

/// Import and export through Kit on every backend: SQLite, and PostgreSQL when a test server is
/// set (`Scripts/test.sh` always sets one), so that the held-out-style checks (lossless round
/// trip, duplicate policies, a failed import changes nothing, the samples' counts) hold on both.
struct ImportExportMemoryTests {
    typealias Support = ImportExportSupport

    /// A kind of store a test makes fresh ones of.
    enum Backend: String, Sendable, CustomTestStringConvertible {
        case sqlite, postgres

        var testDescription: String { rawValue }

        /// SQLite, and PostgreSQL when `TESSERA_TEST_POSTGRES` is set.
        static let all: [Backend] = PostgresTestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite]

        /// A new, empty store: a file `name` in `folder`, or a new schema of the test server.
        func location(_ folder: URL, _ name: String) throws -> StoreLocation {
            switch self {
            case .sqlite: return StoreLocation(option: folder.appendingPathComponent(name).path)
            case .postgres:
                let url: String = try #require(PostgresTestServer.freshURL("kit"))
                return StoreLocation(option: url)
            }
        }
    }

    /// Every unit of the store at `location`, in id order.
    func units(_ location: StoreLocation) throws -> [TranslationUnit] {
        let session = try TranslationMemory(location: location)
        defer { session.close() }
        return try session.openStore().allUnits().map(\.unit)
    }

    /// TMX files of the TesseraTMX fixtures (and the shared samples when present) that are
    /// well-formed, so that every one of them must import.
    static var wellFormedFiles: [String] {
        var files: [String] = []
        let fixtures = Support.tmxFixtures.path
        if let names = FileManager.default.enumerator(atPath: fixtures) {
            for case let name as String in names
            where (name.hasSuffix(".tmx") || name.hasSuffix(".tmx.gz"))
                && !["malformed/", "billion-laughs", "external-entity"].contains(where: name.contains)
            {
                files.append(fixtures + "/" + name)
            }
        }
        return files.sorted()
    }

    static let sampleFiles = [
        "omegat-org+omegat/src/test/resources/data/tmx/test-level1.tmx",
        "omegat-org+omegat/src/test/resources/data/tmx/TMXComplianceKit/ImportTest1C.tmx",
        "omegat-org+omegat/src/test/resources/data/tmx/TMXComplianceKit/ImportTest2A.tmx",
        "WeblateOrg+weblate/weblate/trans/tests/data/memory.tmx",
        "mihnita+okapi/okapi/filters/tmx/src/test/resources/a_small_test2.tmx",
        "mihnita+okapi/okapi/filters/tmx/src/test/resources/Paragraph_TM.tmx",
        "mihnita+okapi/okapi/filters/tmx/src/test/resources/sampleTMX2.tmx",
        "amake+SuperTMXMerge/src/test/resources/org/madlonkay/supertmxmerge/base.tmx",
        "amake+SuperTMXMerge/l10n/ja-jp.tmx",
    ]

    /// Imports `files`, exports everything as TMX level 2, re-imports into a new memory and
    /// compares the units.
    func checkRoundTrip(_ files: [String], on backend: Backend) throws {
        let folder = try Support.temporaryFolder()
        let first = try backend.location(folder, "first.db")
        let report = try ImportTMX(database: first, policy: .add).run(files: files)
        #expect(report.succeeded, "\(report.files.compactMap(\.error))")
        let exported = folder.appendingPathComponent("all.tmx").path
        let export = try ExportMemory(database: first, output: exported, format: .tmx).run()
        #expect(export.units == report.totals.added)
        let second = try backend.location(folder, "second.db")
        let again = try ImportTMX(database: second, policy: .add).run(files: [exported])
        #expect(again.succeeded, "\(again.files.compactMap(\.error))")
        let before = try units(first)
        let after = try units(second)
        #expect(before.count == after.count)
        for (old, new) in zip(before, after) where old != new {
            Issue.record("unit differs after export and re-import:\n\(old)\n\(new)")
            break
        }
    }

    @Test(arguments: Backend.all)
    func exportTMX_reimportGivesIdenticalUnits_fixtures(backend: Backend) throws {
        let files = Self.wellFormedFiles
        try #require(!files.isEmpty, "no TMX fixtures in \(Support.tmxFixtures.path)")
        try checkRoundTrip(files, on: backend)
    }

    @Test(.enabled(if: Support.samples != nil, "needs ../shared/samples (absent on this machine)"), arguments: Backend.all)
    func exportTMX_reimportGivesIdenticalUnits_samples(backend: Backend) throws {
        guard let samples = Support.samples else { return }
        try checkRoundTrip(Self.sampleFiles.map { samples.appendingPathComponent($0).path }, on: backend)
    }

    /// Every TMX row of ../shared/samples/README.md imported on its own: the units read are the
    /// README's count, and PostgreSQL stores exactly the units SQLite stores.
    @Test(.enabled(if: Support.samples != nil && PostgresTestServer.isAvailable, "needs ../shared/samples and a PostgreSQL test server"))
    func import_everySharedSample_readsTheReadmeCountAndStoresTheSameUnitsOnBothBackends() throws {
        let readme = try String(contentsOfFile: SharedData.root.appendingPathComponent("samples/README.md").path, encoding: .utf8)
        let rows = SharedData.tmxUnitCounts(readme: readme)
        #expect(rows.count >= 20)
        let samples = SharedData.root.appendingPathComponent("samples")
        for row in rows {
            let file = samples.appendingPathComponent(row.file).path
            var stored: [[TranslationUnit]] = []
            for backend in Backend.all {
                let location = try backend.location(try Support.temporaryFolder(), "tm.db")
                let report = try ImportTMX(database: location, policy: .add).run(files: [file])
                #expect(report.succeeded && report.files.first?.unitsRead == row.units, "\(backend) \(row.file): \(report.files)")
                stored.append(try units(location))
            }
            #expect(stored.count == 2 && stored[0] == stored[1], "\(row.file)")
        }
    }

    @Test(arguments: ImportDuplicatePolicy.allCases, Backend.all)
    func import_sameFileTwiceAddsNothingUnlessAdd(_ policy: ImportDuplicatePolicy, backend: Backend) throws {
        let files = Self.wellFormedFiles
        try #require(!files.isEmpty)
        let folder = try Support.temporaryFolder()
        let location = try backend.location(folder, "tm.db")
        let first = try ImportTMX(database: location, policy: policy).run(files: files)
        let unitsAfterFirst = try Stats(database: location).run().units
        let second = try ImportTMX(database: location, policy: policy).run(files: files)
        let unitsAfterSecond = try Stats(database: location).run().units
        #expect(first.succeeded && second.succeeded)
        if policy == .add {
            #expect(unitsAfterSecond == 2 * unitsAfterFirst)
        } else {
            #expect(second.totals.added == 0)
            #expect(unitsAfterSecond == unitsAfterFirst)
        }
    }

    @Test(arguments: Backend.all)
    func import_malformedFileLeavesDatabaseUnchangedAndOtherFilesImport(backend: Backend) throws {
        let folder = try Support.temporaryFolder()
        let good = folder.appendingPathComponent("good.tmx")
        let bad = folder.appendingPathComponent("bad.tmx")
        try Self.tmx(units: 3).write(to: good, atomically: true, encoding: .utf8)
        // Well-formed units first, then a mismatched end tag: the units read before the fault
        // must be rolled back.
        let broken = Self.tmx(units: 5).replacingOccurrences(of: "<seg>Source 4</seg>", with: "<seg>Source 4</tuv>")
        try broken.write(to: bad, atomically: true, encoding: .utf8)
        let location = try backend.location(folder, "tm.db")
        let report = try ImportTMX(database: location).run(files: [bad.path, good.path])
        #expect(!report.succeeded)
        #expect(report.totals.filesImported == 1)
        #expect(report.totals.filesFailed == 1)
        let error = try #require(report.files[0].error)
        #expect(error.hasPrefix(bad.path + ":"))
        let position = error.dropFirst(bad.path.count + 1).split(separator: ":")
        #expect(position.count >= 3 && Int(position[0]) != nil && Int(position[1]) != nil, "\(error)")
        let stats = try Stats(database: location).run()
        #expect(stats.units == 3)
        #expect(stats.batches.map(\.filePath) == [good.path])
    }

    @Test func import_readsGzippedTMX() throws {
        let folder = try Support.temporaryFolder()
        let plain = folder.appendingPathComponent("memory.tmx")
        try Self.tmx(units: 4).write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        let report = try ImportTMX(database: try Backend.sqlite.location(folder, "tm.db")).run(files: [plain.path + ".gz"])
        #expect(report.succeeded, "\(report.files.compactMap(\.error))")
        #expect(report.totals.added == 4)
    }

    /// The `source<TAB>target` of each row of a TSV export (header and language columns dropped).
    static func tsvPairs(_ path: String) throws -> [String] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == ExportMemory.tsvHeader.joined(separator: "\t"))
        return lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\t") }
    }

    @Test(.enabled(if: Support.samples != nil, "needs ../shared/samples (absent on this machine)"))
    func exportTSV_testLevel1PicksVariantsWithRegionFallback() throws {
        guard let samples = Support.samples else { return }
        let folder = try Support.temporaryFolder()
        let location = try Backend.sqlite.location(folder, "tm.db")
        _ = try ImportTMX(database: location).run(files: [samples.appendingPathComponent(Self.sampleFiles[0]).path])
        let out = folder.appendingPathComponent("be.tsv").path
        _ = try ExportMemory(database: location, output: out, format: .tsv, source: Support.tag("en-US"), targets: [Support.tag("be")]).run()
        let lines = try Self.tsvPairs(out)
        for expected in ["entuv\tbetuv", "lang1\ttr1", "lang3\ttr3"] { #expect(lines.contains(expected), "\(lines)") }
        #expect(!lines.contains("lang1z\ttr1"))
    }

    @Test(.enabled(if: Support.samples != nil, "needs ../shared/samples (absent on this machine)"))
    func exportTSV_importTest1CPicksFrenchCanadian() throws {
        guard let samples = Support.samples else { return }
        let folder = try Support.temporaryFolder()
        let location = try Backend.sqlite.location(folder, "tm.db")
        _ = try ImportTMX(database: location).run(files: [samples.appendingPathComponent(Self.sampleFiles[1]).path])
        let out = folder.appendingPathComponent("frca.tsv").path
        _ = try ExportMemory(database: location, output: out, format: .tsv, source: Support.tag("en-US"), targets: [Support.tag("fr-CA")]).run()
        let lines = try Self.tsvPairs(out)
        #expect(lines == ["First", "Second", "Third"].map { "\($0) entry in US English\t\($0) entry in French Canadian" })
    }

    @Test(.enabled(if: Support.samples != nil, "needs ../shared/samples (absent on this machine)"))
    func stats_weblateMemoryGivesTwoPairs() throws {
        guard let samples = Support.samples else { return }
        let folder = try Support.temporaryFolder()
        let location = try Backend.sqlite.location(folder, "tm.db")
        _ = try ImportTMX(database: location).run(files: [samples.appendingPathComponent(Self.sampleFiles[3]).path])
        let stats = try Stats(database: location).run()
        #expect(stats.units == 1)
        #expect(Set(stats.pairs.map { "\($0.source)>\($0.target):\($0.units)" }) == ["de-DE>en-US:1", "de-DE>cs-CZ:1"])
    }

    /// A small TMX 1.4 document with `units` English-German units.
    static func tmx(units: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        for index in 1...units {
            text += "<tu tuid=\"\(index)\"><tuv xml:lang=\"en\"><seg>Source \(index)</seg></tuv><tuv xml:lang=\"de\"><seg>Ziel \(index)</seg></tuv></tu>\n"
        }
        return text + "</body>\n</tmx>\n"
    }
}
