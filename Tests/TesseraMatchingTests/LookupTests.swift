import Foundation
import Testing
import TesseraMatchIndex
import TesseraCore
import TesseraKit
import TesseraMatching
import TesseraSQLite
import TesseraStorage

/// A translation memory in a fresh temporary folder.
struct TemporaryMemory {
    let folder: URL
    let location: StoreLocation
    let memory: SQLiteTranslationStore

    init(_ units: [TranslationUnit]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-matching-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        location = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        memory = try SQLiteTranslationStore.open(path: location.description)
        if !units.isEmpty { try memory.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "test.tmx"), policy: .add) }
    }

    static func unit(_ pairs: [(String, String)], tuid: String? = nil, props: [Prop] = [], origin: Origin = .imported, changed: String? = nil) -> TranslationUnit {
        TranslationUnit(
            tuid: tuid, sourceLanguage: LanguageTag(pairs[0].0), attributes: changed.map { [Attribute("changedate", $0)] } ?? [],
            props: props, variants: pairs.map { Variant(language: LanguageTag($0.0)!, segment: Segment(text: $0.1)) }, origin: origin)
    }
}

struct LookupTests {
    static let en = LanguageTag("en")!

    static func memory() throws -> TemporaryMemory {
        try TemporaryMemory([
            TemporaryMemory.unit([("en", "Open the file"), ("de-DE", "Datei öffnen")], tuid: "t1", changed: "20240102T101010Z"),
            TemporaryMemory.unit([("en", "Open the file"), ("de-AT", "Datei aufmachen")], tuid: "t2"),
            TemporaryMemory.unit([("en", "Open the file"), ("de", "Datei öffnen (de)"), ("fr", "Ouvrir le fichier")], tuid: "t3", props: [Prop(type: "x-context", value: "File menu")]),
            TemporaryMemory.unit([("en", "Delete 3 files"), ("de", "3 Dateien löschen")]),
            TemporaryMemory.unit([("en", "Save the document now"), ("de", "Dokument jetzt speichern")], origin: .aligned),
            TemporaryMemory.unit([("en", "Save the document today"), ("de", "Dokument heute speichern")]),
        ])
    }

    @Test func run_findsExactAndContextMatches() throws {
        let memory = try Self.memory()
        let lookup = try Lookup(database: memory.location)
        let plain = try lookup.run("Open the file", options: LookupOptions(source: Self.en, targets: [LanguageTag("fr")!]))
        #expect(plain.map(\.score) == [100])
        #expect(plain.first?.target == "Ouvrir le fichier")
        let context = try lookup.run("Open the file", options: LookupOptions(source: Self.en, targets: [LanguageTag("fr")!], context: "File menu"))
        #expect(context.map(\.score) == [101])
    }

    @Test(arguments: [
        ("de", ["de", "de-DE", "de-AT"]),  // exact tag first, then regional variants
        ("de-AT", ["de-AT", "de", "de-DE"]),
        ("de-CH", ["de", "de-DE", "de-AT"]),
    ])
    func run_fallsBackOverRegions(target: String, expected: [String]) throws {
        let memory = try Self.memory()
        let matches = try Lookup(database: memory.location).run(
            "Open the file", options: LookupOptions(source: Self.en, targets: [LanguageTag(target)!], limit: 10))
        #expect(matches.map(\.targetLanguage.description) == expected)
    }

    @Test func run_answersEveryLanguageForAStar() throws {
        let memory = try Self.memory()
        let matches = try Lookup(database: memory.location).run("Open the file", options: LookupOptions(source: Self.en, targets: nil, limit: 10))
        #expect(Set(matches.map(\.targetLanguage.description)) == ["de-DE", "de-AT", "de", "fr"])
        let two = try Lookup(database: memory.location).run(
            "Open the file", options: LookupOptions(source: Self.en, targets: [LanguageTag("fr")!, LanguageTag("de-AT")!], limit: 10))
        #expect(Set(two.map(\.targetLanguage.description)) == ["fr", "de-AT", "de-DE", "de"])
    }

    @Test func run_carriesNumbersAndListsPenalties() throws {
        let memory = try Self.memory()
        let matches = try Lookup(database: memory.location).run("Delete 5 files", options: LookupOptions(source: Self.en, targets: [LanguageTag("de")!], minimum: 50))
        let match = try #require(matches.first)
        #expect(match.target == "5 Dateien löschen" && match.storedTarget == "3 Dateien löschen" && match.numbersCarried)
        #expect(match.penalties.map(\.kind) == [.numbers])
        #expect(match.score == 65)
        #expect(match.differingWords == ["5"])
    }

    @Test func run_ranksAlignedUnitsBelowTranslatorUnits() throws {
        let memory = try Self.memory()
        let matches = try Lookup(database: memory.location).run(
            "Save the document", options: LookupOptions(source: Self.en, targets: [LanguageTag("de")!], minimum: 50))
        // Both differ by one word (d=1, L=4: 75); the aligned one loses 2 points.
        #expect(matches.map(\.score) == [75, 73])
        #expect(matches.map(\.origin) == [.imported, .aligned])
        #expect(matches.last?.penalties.map(\.kind) == [.origin])
    }

    @Test func index_followsWritesAndSurvivesReopening() throws {
        let memory = try Self.memory()
        let options = LookupOptions(source: Self.en, targets: [LanguageTag("de")!], minimum: 100)
        #expect(try Lookup(database: memory.location).indexState!.rebuilt)
        try memory.memory.write(
            units: [TemporaryMemory.unit([("en", "Close the window"), ("de", "Fenster schließen")], tuid: "w1")],
            batch: ImportBatch(kind: .tmx, filePath: "more.tmx"), policy: .add)
        let second = try Lookup(database: memory.location)
        #expect(!second.indexState!.rebuilt && second.indexState!.updatedUnits == 1)
        #expect(try second.run("Close the window", options: options).map(\.target) == ["Fenster schließen"])
        // Overwrite the unit (same tuid and source): its variants are deleted and written again; the
        // change log brings the index up to date.
        try memory.memory.write(
            units: [TemporaryMemory.unit([("en", "Close the window"), ("de", "Fenster zumachen")], tuid: "w1")],
            batch: ImportBatch(kind: .tmx, filePath: "again.tmx"), policy: .overwrite)
        let third = try Lookup(database: memory.location)
        #expect(third.indexState!.updatedUnits == 1)
        #expect(try third.run("Close the window", options: options).map(\.target) == ["Fenster zumachen"])
        // Small changes are re-applied on each load; a forced rebuild writes them into the file.
        #expect(try Lookup(database: memory.location, rebuildIndex: true).indexState!.rebuilt)
        let fourth = try Lookup(database: memory.location)
        #expect(fourth.indexState!.updatedUnits == 0 && !fourth.indexState!.rebuilt)
        #expect(try fourth.run("Close the window", options: options).map(\.target) == ["Fenster zumachen"])
    }

    @Test func lookup_runsWhileAnImportWrites() throws {
        let memory = try Self.memory()
        let options = LookupOptions(source: Self.en, targets: [LanguageTag("fr")!], minimum: 100)
        _ = try Lookup(database: memory.location)  // match tables and side file exist
        var seenDuringImport: [LookupMatch] = []
        try memory.memory.importBatch(ImportBatch(kind: .tmx, filePath: "slow.tmx"), policy: .add) { sink in
            try sink.add(TemporaryMemory.unit([("en", "Open the file"), ("fr", "Ouvre le fichier")]))
            // A second connection pool, as a second process would have, reads the last commit.
            seenDuringImport = try Lookup(database: memory.location).run("Open the file", options: options)
        }
        #expect(seenDuringImport.map(\.target) == ["Ouvrir le fichier"])
        let after = try Lookup(database: memory.location).run("Open the file", options: options)
        #expect(Set(after.map(\.target)) == ["Ouvrir le fichier", "Ouvre le fichier"])
    }

    @Test func import_leavesTheIndexReadyForTheFirstLookup() throws {
        let memory = try TemporaryMemory([])
        func tmx(_ name: String, _ units: [(String, String)]) throws -> String {
            let body = units.map { "<tu><tuv xml:lang=\"en\"><seg>\($0.0)</seg></tuv><tuv xml:lang=\"de\"><seg>\($0.1)</seg></tuv></tu>" }
            let text = """
                <?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" \
                adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>\(body.joined())</body></tmx>
                """
            let path = memory.folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let options = LookupOptions(source: Self.en, targets: [LanguageTag("de")!], minimum: 100)
        let side = MatchIndexStore.path(for: memory.memory)
        _ = try ImportTMX(database: memory.location).run(files: [try tmx("a.tmx", [("Open the file", "Datei öffnen")])])
        #expect(FileManager.default.fileExists(atPath: side))
        let first = try Lookup(database: memory.location)
        #expect(!first.indexState!.rebuilt && first.indexState!.updatedUnits == 0 && first.index.isMapped)
        #expect(try first.run("Open the file", options: options).map(\.target) == ["Datei öffnen"])
        // A second import (new units, and an overwrite that deletes variants) updates the file again.
        _ = try ImportTMX(database: memory.location, policy: .overwrite).run(files: [
            try tmx("b.tmx", [("Close the window", "Fenster schließen"), ("Open the file", "Datei aufmachen")])
        ])
        // Two changed units: fewer than the rewrite threshold, so each load applies them to the
        // mapped file (nothing copied).
        let second = try Lookup(database: memory.location)
        #expect(!second.indexState!.rebuilt && second.indexState!.updatedUnits == 2 && second.index.isMapped)
        #expect(try second.run("Close the window", options: options).map(\.target) == ["Fenster schließen"])
        let rebuilt = try Lookup(database: memory.location, rebuildIndex: true)
        let found = try second.run("Open the file", options: options).map(\.target)
        let expected = try rebuilt.run("Open the file", options: options).map(\.target)
        #expect(found.contains("Datei aufmachen") && found == expected)
    }

    @Test func index_isRebuiltFromACorruptSideFile() throws {
        let memory = try Self.memory()
        _ = try Lookup(database: memory.location)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: MatchIndexStore.path(for: memory.memory)))
        let lookup = try Lookup(database: memory.location)
        #expect(lookup.indexState!.rebuilt)
        #expect(try lookup.run("Open the file", options: LookupOptions(source: Self.en, targets: nil)).count == 4)
    }
}
