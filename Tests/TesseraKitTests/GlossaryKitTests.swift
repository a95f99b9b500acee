import Foundation
import Testing
import TesseraCore
import TesseraGlossary
import TesseraStorage
@testable import TesseraKit

/// The glossary use cases end to end over real files in a scratch folder.
struct GlossaryKitTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    static let longCSV = """
        concept,subject,language,term,partOfSpeech,status,definition,note
        c1,defence,en,capability target,noun,preferred,A quantified goal.,
        c1,defence,de,Fähigkeitsziel,noun,preferred,,
        c1,defence,de,Fähigkeitsvorgabe,noun,forbidden,,old
        c2,defence,en,defence expenditure,noun,preferred,,
        c2,defence,de,Verteidigungsausgabe,noun,preferred,,
        c2,defence,de,Verteidigungsaufwand,noun,admitted,,
        c2,defence,de,Wehretat,noun,deprecated,,
        c3,defence,en,air policing,noun,preferred,,
        c3,defence,de,Luftraumüberwachung,noun,preferred,,

        """

    /// A scratch folder with the glossary CSV and a database path.
    struct Scratch {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-kit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        var database: DatabaseLocation { DatabaseLocation(option: folder.appendingPathComponent("tm.db").path) }
    }

    static func importedScratch() throws -> Scratch {
        let scratch = try Scratch()
        let csv = try scratch.write("defence.csv", longCSV)
        _ = try GlossaryImport(files: [csv], name: nil, database: scratch.database).run()
        return scratch
    }

    @Test func import_namesGlossaryAfterFileAndCounts() throws {
        let scratch = try Self.importedScratch()
        let list = try GlossaryList(database: scratch.database).run()
        #expect(list.map(\.name) == ["defence"])
        #expect(list.first?.concepts == 3 && list.first?.terms == 9)
    }

    @Test func import_failureLeavesDatabaseUnchanged() throws {
        let scratch = try Self.importedScratch()
        let before = try GlossaryList(database: scratch.database).run()
        let good = try scratch.write("more.csv", "en,de\nsanction,Sanktion\n")
        let bad = try scratch.write("bad.tbx", "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>x</tig></langSet>")
        let error = try #require(throws: GlossaryError.self) {
            try GlossaryImport(files: [good, bad], name: "defence", database: scratch.database).run()
        }
        #expect(error.file == "bad.tbx" && (error.line ?? 0) > 0)
        #expect(try GlossaryList(database: scratch.database).run() == before)
    }

    @Test(arguments: ["capability target", "Capability Targets", "capability-targets"])
    func lookup_findsVariantsThroughTheStore(query: String) throws {
        let scratch = try Self.importedScratch()
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let hit = try #require(try lookup.lookup(query).first)
        #expect(hit.targets.first?.text == "Fähigkeitsziel")
        #expect(hit.glossary == "defence")
        #expect(hit.definition == "A quantified goal.")
    }

    @Test func termsIn_longestMatchWithOffsets() throws {
        let scratch = try Self.importedScratch()
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let sentence = "Allies raised defence expenditure to meet capability targets."
        let found = try lookup.termsIn(sentence)
        #expect(found.map(\.text) == ["defence expenditure", "capability targets"])
        let utf16 = Array(sentence.utf16)
        #expect(found.allSatisfy { String(decoding: utf16[$0.range], as: UTF16.self) == $0.text })
    }

    @Test func check_findsForbiddenMissingAndInconsistent() throws {
        let scratch = try Self.importedScratch()
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let pairs = [
            CheckTerminology.Pair(reference: "1", source: "The capability targets were agreed.", target: "Die Fähigkeitsziele wurden vereinbart."),
            CheckTerminology.Pair(reference: "2", source: "Each capability target counts.", target: "Jede Fähigkeitsvorgabe zählt."),
            CheckTerminology.Pair(reference: "3", source: "Defence expenditure rose.", target: "Die Verteidigungsausgaben stiegen."),
            CheckTerminology.Pair(reference: "4", source: "Defence expenditure fell.", target: "Der Verteidigungsaufwand sank."),
            CheckTerminology.Pair(reference: "5", source: "Air policing continues.", target: "Die Überwachung geht weiter."),
        ]
        let report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: Self.de)
        let kinds = report.problems.map { "\($0.pair) \($0.kind.rawValue)" }
        #expect(kinds.contains("2 discouragedTerm"))
        #expect(kinds.contains("5 missingTerm"))
        #expect(kinds.contains { $0.hasSuffix("inconsistent") })
        #expect(!kinds.contains("1 missingTerm") && !kinds.contains("3 missingTerm"))
        let forbidden = try #require(report.problems.first { $0.kind == .discouragedTerm })
        #expect(forbidden.targetSpan?.text == "Fähigkeitsvorgabe")
        #expect(forbidden.expected == ["Fähigkeitsziel"])
        #expect(!report.passed)
    }

    @Test func check_passesCleanPairs() throws {
        let scratch = try Self.importedScratch()
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let file = try scratch.write("pairs.tsv", "# comment\nThe capability targets.\tDie Fähigkeitsziele.\n\n")
        let report = try CheckTerminology.check(pairs: try CheckTerminology.readPairs(path: file), lookup: lookup, target: Self.de)
        #expect(report.pairs == 1)
        #expect(report.passed)
    }

    @Test func export_tbxReimportsIdentically() throws {
        let scratch = try Self.importedScratch()
        let tbx = scratch.folder.appendingPathComponent("out.tbx").path
        let report = try GlossaryExport(output: tbx, name: "defence", database: scratch.database).run()
        #expect(report.concepts == 3)
        let second = DatabaseLocation(option: scratch.folder.appendingPathComponent("second.db").path)
        _ = try GlossaryImport(files: [tbx], name: "defence", database: second).run()
        let csv = scratch.folder.appendingPathComponent("out.csv").path
        _ = try GlossaryExport(output: csv, name: nil, database: second).run()
        let first = scratch.folder.appendingPathComponent("first.csv").path
        _ = try GlossaryExport(output: first, name: nil, database: scratch.database).run()
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == String(contentsOfFile: first, encoding: .utf8))
    }

    @Test func export_rejectsUnknownGlossary() throws {
        let scratch = try Self.importedScratch()
        #expect(throws: KitError.self) {
            try GlossaryExport(output: scratch.folder.appendingPathComponent("x.tbx").path, name: "nope", database: scratch.database).run()
        }
    }
}

extension GlossaryKitTests {
    @Test func check_readsPairsFromTranslationMemoryInSameFile() throws {
        let scratch = try Self.importedScratch()
        let memory = try TesseraStorage.TranslationMemory.open(path: scratch.database.path)
        let unit = TranslationUnit(sourceLanguage: Self.en, variants: [
            Variant(language: Self.en, segment: Segment(text: "Each capability target counts.")),
            Variant(language: Self.de, segment: Segment(text: "Jede Fähigkeitsvorgabe zählt.")),
        ])
        try memory.write(units: [unit], batch: ImportBatch(kind: .tmx, filePath: "unit.tmx"))
        let pairs = try CheckTerminology.readPairs(database: scratch.database, source: Self.en, target: Self.de)
        #expect(pairs.map(\.target) == ["Jede Fähigkeitsvorgabe zählt."])
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: Self.de)
        #expect(report.problems.map(\.kind) == [.discouragedTerm])
        #expect(report.problems.first?.pair.hasPrefix("unit ") == true)
    }
}

extension GlossaryKitTests {
    @Test func check_reportsAFindingOnceAcrossCopiesOfAGlossary() throws {
        let scratch = try Self.importedScratch()
        let copy = try scratch.write("copy.csv", Self.longCSV)
        _ = try GlossaryImport(files: [copy], name: "copy", database: scratch.database).run()
        let lookup = try TermLookup(database: scratch.database, source: Self.en, targets: [Self.de])
        let pairs = [CheckTerminology.Pair(reference: "1", source: "Air policing continues.", target: "Es geht weiter.")]
        let report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: Self.de)
        #expect(report.problems.map(\.kind) == [.missingTerm])
    }
}
