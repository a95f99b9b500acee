import Foundation
import Testing
import TesseraSQLite
import TesseraStorage
import TesseraCore
import TesseraStorage
@testable import TesseraKit

/// The whole `align` job as one Kit call: read, segment, align, filter by confidence, store or
/// write TMX (what `AlignCommand.run` coordinated itself before).
struct AlignJobTests {
    static func job(_ targets: [String], database: StoreLocation, minimumConfidence: Double = AlignUnits.defaultMinimumConfidence)
        -> AlignJob
    {
        AlignJob(
            source: .init(path: AlignSupport.seed.appendingPathComponent("article.en.txt").path, language: LanguageTag("en")!),
            targets: targets.map {
                .init(path: AlignSupport.seed.appendingPathComponent("article.\($0).txt").path, language: LanguageTag($0)!)
            },
            database: database, minimumConfidence: minimumConfidence)
    }

    static func database() throws -> StoreLocation {
        StoreLocation(option: try ImportExportSupport.temporaryFolder().appendingPathComponent("tm.db").path)
    }

    @Test func run_aligns_as_the_articles_use_case_and_stores_the_units_once() throws {
        let database = try Self.database()
        let job = Self.job(["de"], database: database)
        let first = try job.run(storing: true)
        // The same beads as AlignArticles on the same texts (no database lexicon on the first run).
        let direct = try AlignSupport.articles(["de"])
        #expect(first.articles.map { $0.report.beads.map(\.shape) } == direct.map { $0.report.beads.map(\.shape) })
        #expect(first.units == AlignUnits.units(from: direct))
        #expect(first.store?.added == first.units.count)
        #expect(first.summary.units == first.units.count)
        #expect(try SQLiteTranslationStore.open(path: database.description).allUnits().count == first.units.count)
        // Stored twice: nothing new.
        #expect(try job.run(storing: true).store?.added == 0)
    }

    @Test(arguments: [0.0, 0.5, 0.9])
    func run_leavesOutBeadsUnderTheMinimumConfidence(minimum: Double) throws {
        let result = try Self.job(["fr"], database: try Self.database(), minimumConfidence: minimum).run(storing: true)
        let kept = result.articles[0].report.beads.filter { !$0.shape.isInsertionOrDeletion && $0.confidence >= minimum }
        #expect(result.units.count == kept.count)
        #expect(result.summary.targets[0].leftOutByConfidence
            == result.articles[0].report.beads.filter { !$0.shape.isInsertionOrDeletion }.count - kept.count)
    }

    @Test func run_withoutStoringOrTMX_makesNoUnitsAndCreatesNoDatabase() throws {
        let database = try Self.database()
        let result = try Self.job(["de", "fr"], database: database).run()
        #expect(result.articles.count == 2)
        #expect(result.units.isEmpty && result.store == nil)
        #expect(!database.exists)
    }

    @Test func run_writesTheUnitsAsTMX() throws {
        let folder = try ImportExportSupport.temporaryFolder()
        let path = folder.appendingPathComponent("a.tmx").path
        let result = try Self.job(["de", "fr"], database: try Self.database()).run(tmxOutput: path)
        let tmx = try String(contentsOfFile: path, encoding: .utf8)
        #expect(tmx.components(separatedBy: "</tu>").count - 1 == result.units.count)
        #expect(tmx.contains("srclang=\"en\""))
    }

    @Test func run_anUnreadableFileIsACannotReadError() throws {
        var job = Self.job(["de"], database: try Self.database())
        job.targets[0].path = "/nonexistent/article.de.txt"
        #expect { try job.run() } throws: { ($0 as? KitError)?.kind == .cannotRead }
    }

    @Test func run_aDatabaseThatIsNotOneIsAStorageErrorNamingIt() throws {
        let folder = try ImportExportSupport.temporaryFolder()
        let path = folder.appendingPathComponent("not.db").path
        try Data("not a database, just text that is long enough".utf8).write(to: URL(fileURLWithPath: path))
        let job = Self.job(["de"], database: StoreLocation(option: path))
        #expect { try job.run(storing: true) } throws: {
            ($0 as? KitError)?.kind == .storage && "\($0)".hasPrefix(path + ": ")
        }
    }
}
