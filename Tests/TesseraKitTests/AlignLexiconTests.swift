import Foundation
import Testing
import TesseraAlignment
import TesseraCore
import TesseraStorage
@testable import TesseraKit

struct AlignLexiconTests {
    /// English and German nouns sharing no 4-letter prefix (no cognates), one per sentence.
    static let nouns: [(String, String)] = [
        ("horse", "Pferd"), ("sheep", "Schaf"), ("goat", "Ziege"), ("duck", "Ente"), ("snake", "Schlange"),
        ("rabbit", "Kaninchen"), ("deer", "Hirsch"), ("pig", "Schwein"), ("owl", "Eule"), ("frog", "Frosch"),
        ("bird", "Vogel"), ("dog", "Hund"),
    ]
    static let places: [(String, String)] = [
        ("forest", "Wald"), ("barn", "Scheune"), ("lake", "See"), ("meadow", "Wiese"), ("road", "Straße"),
        ("bridge", "Brücke"), ("hill", "Hügel"), ("river", "Fluss"), ("stable", "Koppel"), ("pond", "Teich"),
        ("village", "Dorf"), ("yard", "Hof"),
    ]
    /// The German leaves out English sentence `dropped`.
    static let dropped = 4

    static func texts() -> (english: String, german: String) {
        let english = zip(nouns, places).map { "Yesterday a \($0.0.0) slept quietly beside the \($0.1.0)." }
        let german = zip(nouns, places).enumerated().filter { $0.offset != dropped }
            .map { "Gestern schlief ein \($0.element.0.1) ruhig neben dem \($0.element.1.1)." }
        return (english.joined(separator: "\n"), german.joined(separator: "\n"))
    }

    /// A glossary CSV with the noun pairs, in the starter glossary's layout.
    static func glossaryFile() throws -> String {
        var lines = ["concept,subject,language,term,partOfSpeech,status,definition,note"]
        for (index, pair) in (nouns + places).enumerated() {
            lines.append("c\(index),test,en,\(pair.0),noun,preferred,,")
            lines.append("c\(index),test,de,\(pair.1),noun,preferred,,")
        }
        let path = try ImportExportSupport.temporaryFolder().appendingPathComponent("animals.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func align(lexicon: BilingualLexicon) -> [String] {
        let (english, german) = texts()
        let articles = AlignArticles.align(
            source: .init(text: english, language: LanguageTag("en")), targets: [.init(text: german, language: LanguageTag("de"))],
            inputIsSentences: true, lexicons: [lexicon])
        return articles[0].report.beads.map(\.beadsLine)
    }

    static var gold: [String] {
        (0..<nouns.count).map { $0 == dropped ? "[\($0)]:[]" : "[\($0)]:[\($0 < dropped ? $0 : $0 - 1)]" }
    }

    @Test func glossary_makesTextsWithoutCognatesAlign() throws {
        let database = try AlignStoreTests.database()
        _ = try GlossaryImport(files: [try Self.glossaryFile()], name: "animals", database: database).run()
        let loaded = try AlignLexicon(database: database).load(source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag("de"))
        #expect(loaded.glossaryPairs == Self.nouns.count + Self.places.count)
        #expect(Self.align(lexicon: loaded.lexicon) == Self.gold)
        // Without the glossary the deleted sentence is not found: length and the shared frame say nothing.
        #expect(Self.align(lexicon: BilingualLexicon()) != Self.gold)
        let off = try AlignLexicon(database: database, usesGlossaries: false).load(
            source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag("de"))
        #expect(off.glossaryPairs == 0 && off.lexicon.isEmpty)
    }

    @Test func memory_learnsFromStoredUnitsOfThePair() throws {
        let database = try AlignStoreTests.database()
        // Units pairing each noun in several contexts.
        var units: [TranslationUnit] = []
        for (index, noun) in Self.nouns.enumerated() {
            for (placeIndex, place) in Self.places.enumerated() where (placeIndex + index) % 4 == 0 {
                units.append(ImportExportSupport.unit([("en", "The \(noun.0) and the \(place.0)"), ("de", "\(noun.1) und \(place.1)")]))
            }
        }
        try TesseraStorage.TranslationMemory.open(path: database.path).write(units: units, batch: ImportBatch(kind: .tmx, filePath: "x.tmx"))
        let loaded = try AlignLexicon(database: database).load(source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag("de"))
        #expect(loaded.memoryUnits == units.count)
        #expect(loaded.memoryPairs > 0)
        let resolved = loaded.lexicon.resolved(sourceWords: ["horse"], targetWords: ["pferd", "schaf"],
                                               sourceLanguage: LanguageTag("en"), targetLanguage: LanguageTag("de"))
        #expect(resolved.strength(source: "horse", target: "pferd") > 0)
        #expect(resolved.strength(source: "horse", target: "schaf") == 0)
        #expect(Self.align(lexicon: loaded.lexicon) == Self.gold)
        let off = try AlignLexicon(database: database, usesMemory: false).load(
            source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag("de"))
        #expect(off.memoryUnits == 0)
        // A pair the memory has no units of learns nothing.
        let other = try AlignLexicon(database: database).load(source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag("fr"))
        #expect(other.memoryUnits == 0 && other.lexicon.isEmpty)
    }

    @Test(arguments: ["de", "fr", "tr"])
    func seedArticle_alignsToGoldWithTheStarterGlossary(_ language: String) throws {
        let database = try AlignStoreTests.database()
        _ = try GlossaryImport(files: [AlignSupport.starterGlossary.path], name: "defence", database: database).run()
        let loaded = try AlignLexicon(database: database).load(source: ImportExportSupport.tag("en"), target: ImportExportSupport.tag(language))
        #expect(loaded.glossaryPairs > 50)
        let with = try AlignSupport.articles([language], lexicons: [loaded.lexicon])
        #expect(with[0].report.beads.map(\.beadsLine) == (try AlignSupport.goldBeads(language)))
        let without = try AlignSupport.articles([language])
        #expect(without[0].report.beads.map(\.beadsLine) == (try AlignSupport.goldBeads(language)))
    }
}
