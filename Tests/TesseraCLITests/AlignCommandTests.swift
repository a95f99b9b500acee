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
        #expect(command.database.location.path == "/tmp/x.db")
        #expect(command.minConfidence == 0.5)
        #expect(command.noGlossary && command.noTMLexicon && command.jsonSummary)
        #expect(command.format == "tmx")
        #expect(command.parsedTargetLanguages.map { $0?.description } == ["de", "fr"])
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
        let report = try ExportTMX(database: DatabaseLocation(option: database), output: tsv, format: .tsv).run()
        let lines = try String(contentsOfFile: tsv, encoding: .utf8).split(whereSeparator: \.isNewline)
        // 17 English sentences, one merge each in German and French at different places: 15
        // multilingual units, stored once (the second run adds nothing), two pairs each.
        #expect(report.units == 15)
        #expect(report.pairs == 30)
        #expect(lines.contains { $0.hasPrefix("en\tde\tNATO Secretary General Rutte: Greater Investment") })
    }
}
