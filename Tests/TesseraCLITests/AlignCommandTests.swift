import ArgumentParser
import Foundation
import Testing
import TesseraKit
@testable import tessera

struct AlignCommandTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func seed(_ language: String) -> String {
        root.appendingPathComponent("TMX/seed/article.\(language).txt").path
    }

    @Test func parse_readsStoreAndLexiconOptions() throws {
        let command = try AlignCommand.parse([
            "a.en.txt", "a.de.txt", "a.fr.txt", "--source", "en", "--target", "de,fr", "--store", "--db", "/tmp/x.db",
            "--min-confidence", "0.5", "--no-glossary", "--no-tm-lexicon", "--json", "--format", "tmx", "-o", "a.tmx",
        ])
        #expect(command.sourceFile == "a.en.txt")
        #expect(command.targetFiles == ["a.de.txt", "a.fr.txt"])
        #expect(command.store)
        #expect(command.database.location.description == "/tmp/x.db")
        #expect(command.minConfidence == 0.5)
        #expect(command.noGlossary && command.noTMLexicon && command.jsonSummary)
        #expect(command.format == "tmx")
        #expect(command.parsedTargetLanguages.map(\.description) == ["de", "fr"])
    }

    @Test func parse_defaults() throws {
        let command = try AlignCommand.parse(["a.en.txt", "a.de.txt", "--source", "en", "--target", "de"])
        #expect(!command.store && !command.noGlossary && !command.noTMLexicon && !command.jsonSummary)
        #expect(command.format == nil && command.resolvedFormat == "tsv")
        #expect(command.database.path == nil)
    }

    @Test(arguments: [
        ["a.en.txt", "a.de.txt", "--source", "en", "--target", "de", "--format", "xliff"],
        ["a.en.txt", "a.de.txt", "a.fr.txt", "--source", "en", "--target", "de"],
        ["a.en.txt", "a.de.txt", "--source", "en", "--target", "de", "--min-confidence", "2"],
        ["a.en.txt", "a.de.txt", "--source", "e n", "--target", "de"],
        ["a.en.txt", "--source", "en", "--target", "de", "--store"],
        ["a.en.txt", "a.de.txt", "--source", "en", "--target", "de", "--store", "--format", "tmx"],
        ["a.en.txt", "a.de.txt", "--source", "en", "--target", "de", "--format", "beads", "--json"],
    ])
    func parse_rejectsBadCommandLines(_ arguments: [String]) {
        do {
            _ = try AlignCommand.parse(arguments)
            Issue.record("parsed \(arguments)")
        } catch {
            #expect(AlignCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func run_storesTheSeedArticleOnceAndExportsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-align-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("tm.db").path
        let arguments = [Self.seed("en"), Self.seed("de"), Self.seed("fr"), "--source", "en", "--target", "de,fr",
                         "--store", "--db", database, "--json"]
        try AlignCommand.parse(arguments).run()
        try AlignCommand.parse(arguments).run()
        let tsv = folder.appendingPathComponent("out.tsv").path
        let report = try ExportMemory(database: StoreLocation(option: database), output: tsv, format: .tsv).run()
        let lines = try String(contentsOfFile: tsv, encoding: .utf8).split(whereSeparator: \.isNewline)
        // 17 English sentences, one merge each in German and French at different places: 15
        // multilingual units, stored once (the second run adds nothing), two pairs each.
        #expect(report.units == 15)
        #expect(report.pairs == 30)
        #expect(lines.contains { $0.hasPrefix("en\tde\tNATO Secretary General Rutte: Greater Investment") })
    }

    @Test func run_storesIntoTheNamedMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-align-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let catalog = MemoryCatalog(database: database)
        let aligned = try #require(MemoryName("aligned"))
        try catalog.create(aligned)
        try AlignCommand.parse([
            Self.seed("en"), Self.seed("de"), "--source", "en", "--target", "de", "--store", "--db", database.description,
            "--memory", "aligned", "--json",
        ]).run()
        #expect(try Stats(database: catalog.location(of: aligned)).run().units > 10)
        #expect(try Stats(database: database).run().units == 0)
    }

    /// Four English sentences the German compresses into one: the 4-1 bead has a confidence
    /// around 0.17, the other beads 0.5 and more.
    static let compressedEnglish = """
        The village lies at 1,200 metres above Lake Lucerne.
        Its church was built in 1642 by masons from Como.
        It was cold.
        The wind blew.
        Nobody slept.
        The dogs barked.
        The railway reached the valley in 1910.
        """
    static let compressedGerman = """
        Das Dorf liegt 1200 Meter über dem Vierwaldstättersee.
        Seine Kirche wurde 1642 von Maurern aus Como gebaut.
        Es war kalt.
        Die Eisenbahn erreichte das Tal 1910.
        """

    /// `--store` leaves out beads under the default minimum confidence and says how many;
    /// `--min-confidence 0` stores them all.
    @Test func run_storeLeavesOutLowConfidenceBeadsAndCountsThem() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("en.txt", Self.compressedEnglish)
        try harness.write("de.txt", Self.compressedGerman)
        let align = ["align", "en.txt", "de.txt", "--source", "en", "--target", "de", "--sentences", "--store"]
        let stored = try harness.run(align + ["--db", "default.db", "--json"])
        #expect(stored.status == 0, "\(stored)")
        let summary = try #require(stored.jsonObject?["summary"] as? [String: Any], "\(stored)")
        #expect(summary["minimumConfidence"] as? Double == AlignUnits.defaultMinimumConfidence)
        #expect(summary["leftOutByConfidence"] as? Int == 1, "\(stored)")
        let targets = try #require(summary["targets"] as? [[String: Any]])
        #expect(targets.first?["leftOutByConfidence"] as? Int == 1)
        #expect(summary["units"] as? Int == 3)
        #expect((summary["store"] as? [String: Any])?["added"] as? Int == 3)

        let text = try harness.run(align + ["--db", "text.db"])
        #expect(text.standardOutput.contains("1 bead left out under confidence \(AlignUnits.defaultMinimumConfidence)"), "\(text)")

        let all = try harness.run(align + ["--db", "all.db", "--json", "--min-confidence", "0"])
        let allSummary = try #require(all.jsonObject?["summary"] as? [String: Any], "\(all)")
        #expect(allSummary["leftOutByConfidence"] as? Int == 0)
        #expect(allSummary["units"] as? Int == 4)
    }
}
