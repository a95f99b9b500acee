import Foundation
import Testing
import TesseraMatchIndex
import TesseraCore
import TesseraKit
import TesseraMatching
import TesseraSQLite
import TesseraStorage

struct ConcordanceTests {
    static func memory() throws -> TemporaryMemory {
        try TemporaryMemory([
            TemporaryMemory.unit([("en", "Save the file as PDF"), ("de", "Datei als PDF speichern")]),
            TemporaryMemory.unit([("en", "The \"quoted\" word - NEAR the end*"), ("de", "Das Wort in Anführungszeichen")]),
            TemporaryMemory.unit([("en", "İstanbul is a city"), ("tr", "İstanbul bir şehirdir")]),
            TemporaryMemory.unit([("ja", "変更を保存できません"), ("en", "Cannot save changes")]),
            TemporaryMemory.unit([("ja", "保存"), ("en", "Save")]),
        ])
    }

    @Test(arguments: [
        ("save the file", "en", 1), ("\"quoted\"", "en", 1), ("NEAR", "en", 1), ("- NEAR", "en", 1), ("end*", "en", 1),
        ("sav*", "en", 3), ("NEAR(save file)", "en", 0), ("\"", "en", 0), ("AND OR NOT", "en", 0), ("istanbul", "en", 1),
        ("保存でき", "ja", 1), ("保存", "ja", 2), ("(", "en", 0),
    ])
    func run_neverBreaksOnQuerySyntax(phrase: String, language: String, expected: Int) throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run(phrase, language: LanguageTag(language)!).lines
        #expect(lines.count == expected)
    }

    @Test func run_marksHitsAndShowsTheOtherLanguage() throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run("the file", language: LanguageTag("en")!, other: LanguageTag("de"), open: "[", close: "]").lines
        let line = try #require(lines.first)
        #expect(line.highlighted == "Save [the file] as PDF")  // FTS5 marks a phrase as one hit
        #expect(line.hits == [5..<13])
        #expect(line.others.map(\.text) == ["Datei als PDF speichern"])
        let words = try Concordance(database: memory.location).run("pdf save", language: LanguageTag("en")!, mode: .words).lines
        #expect(words.count == 1)
        let phrase = try Concordance(database: memory.location).run("pdf save", language: LanguageTag("en")!, mode: .phrase).lines
        #expect(phrase.isEmpty)
    }

    @Test func run_keepsOnlyUnitsOfThePair() throws {
        let memory = try Self.memory()
        let all = try Concordance(database: memory.location).run("is", language: LanguageTag("en")!, mode: .words).lines
        #expect(all.count == 1 && all.first?.others.map(\.language.description) == ["tr"])
        let german = try Concordance(database: memory.location).run("is", language: LanguageTag("en")!, other: LanguageTag("de"), mode: .words).lines
        #expect(german.isEmpty)
        let savePairs = try Concordance(database: memory.location).run("save", language: LanguageTag("en")!, other: LanguageTag("de"), mode: .words).lines
        #expect(savePairs.map(\.text) == ["Save the file as PDF"])
        let short = try Concordance(database: memory.location).run("保存", language: LanguageTag("ja")!, other: LanguageTag("de")).lines
        #expect(short.isEmpty)
    }

    /// With a match side file the pair filter reads the index: the lines are the same as without.
    @Test(arguments: [
        ("save", "en", "de", Concordance.Mode.words), ("the file", "en", "de", .phrase), ("is", "en", "tr", .words),
        ("is", "en", "de", .words), ("sav*", "en", "ja", .phrase), ("保存", "ja", "en", .phrase), ("保存でき", "ja", "en", .phrase),
        ("Datei", "de", "en", .phrase),
    ])
    func run_filtersPairsThroughTheMatchIndexAsThroughTheDatabase(phrase: String, language: String, other: String, mode: Concordance.Mode) throws {
        let memory = try Self.memory()
        let concordance = Concordance(database: memory.location)
        func lines() throws -> [String] {
            try concordance.run(phrase, language: LanguageTag(language)!, other: LanguageTag(other), mode: mode, open: "[", close: "]")
                .lines.map { "\($0.highlighted) | \($0.others.map(\.text))" }
        }
        let fromDatabase = try lines()
        try MatchIndexStore(source: memory.memory).save()
        #expect(FileManager.default.fileExists(atPath: MatchIndexStore.path(for: memory.memory)))
        #expect(try lines() == fromDatabase)
        // A unit written after the side file: the load catches up, the filter still agrees.
        try memory.memory.write(
            units: [TemporaryMemory.unit([(language, phrase.replacingOccurrences(of: "*", with: "")), (other, "x")])],
            batch: ImportBatch(kind: .tmx, filePath: "more.tmx"), policy: .add)
        let caughtUp = try lines()
        try FileManager.default.removeItem(atPath: MatchIndexStore.path(for: memory.memory))
        #expect(caughtUp == (try lines()))
        #expect(caughtUp.count >= fromDatabase.count)
    }

    /// A memory for the query syntax of issue 9, item 9: inflected forms, prefixes on any word,
    /// quoted phrases, symbols and emoji, totals.
    static func inflectedMemory() throws -> TemporaryMemory {
        try TemporaryMemory([
            TemporaryMemory.unit([("en", "Production lines are busy"), ("de", "Die Fertigungslinien sind ausgelastet")]),
            TemporaryMemory.unit([("en", "The production line stopped"), ("de", "Die Fertigungslinie stand still")]),
            TemporaryMemory.unit([("en", "The production linux server"), ("de", "Der Linux-Server der Produktion")]),
            TemporaryMemory.unit([("en", "Press 🙂 to smile"), ("de", "Drücken Sie 🙂, um zu lächeln")]),
            TemporaryMemory.unit([("en", "It costs 5 € per month"), ("de", "Es kostet 5 € im Monat")]),
            TemporaryMemory.unit([("en", "Policies and the policy"), ("de", "Richtlinien und die Richtlinie")]),
            TemporaryMemory.unit([("de", "Die Straße ist breit"), ("en", "The street is wide")]),
            TemporaryMemory.unit([("de", "Zwei Straßen"), ("en", "Two streets")]),
        ])
    }

    /// Unquoted words find their inflected forms through the language's stemmer; quotes keep the
    /// written form; `*` is a prefix on any word; symbols and emoji are found as written.
    @Test(arguments: [
        ("production line", "en", Concordance.Mode.phrase, ["Production lines are busy", "The production line stopped"]),
        ("production lines", "en", .phrase, ["Production lines are busy", "The production line stopped"]),
        ("\"production line\"", "en", .phrase, ["The production line stopped"]),
        ("“production lines”", "en", .phrase, ["Production lines are busy"]),
        ("line \"production\"", "en", .words, ["Production lines are busy", "The production line stopped"]),
        ("prod* lines", "en", .phrase, ["Production lines are busy", "The production line stopped"]),
        ("prod* \"lines\"", "en", .phrase, ["Production lines are busy"]),
        ("prod* lin*", "en", .phrase, ["Production lines are busy", "The production line stopped", "The production linux server"]),
        ("policy", "en", .phrase, ["Policies and the policy"]),
        ("straße", "de", .phrase, ["Die Straße ist breit", "Zwei Straßen"]),
        ("🙂", "en", .phrase, ["Press 🙂 to smile"]),
        ("press 🙂", "en", .phrase, ["Press 🙂 to smile"]),
        ("€", "en", .words, ["It costs 5 € per month"]),
        ("5 €", "de", .phrase, ["Es kostet 5 € im Monat"]),
    ])
    func run_findsInflectedFormsPrefixesAndSymbols(phrase: String, language: String, mode: Concordance.Mode, expected: [String]) throws {
        let memory = try Self.inflectedMemory()
        let result = try Concordance(database: memory.location).run(phrase, language: LanguageTag(language)!, mode: mode, limit: 10)
        #expect(result.lines.map(\.text) == expected)
        #expect(result.total == expected.count)
    }

    /// Hits are marked: a phrase with its inflected word as one hit, a symbol on its own.
    @Test func run_marksInflectedPhrasesAndSymbols() throws {
        let memory = try Self.inflectedMemory()
        let concordance = Concordance(database: memory.location)
        let lines = try concordance.run("production line", language: LanguageTag("en")!, open: "[", close: "]").lines
        #expect(lines.map(\.highlighted) == ["[Production lines] are busy", "The [production line] stopped"])
        let symbol = try concordance.run("press 🙂", language: LanguageTag("en")!, open: "[", close: "]").lines
        #expect(symbol.map(\.highlighted) == ["[Press] [🙂] to smile"])
    }

    /// The result counts every matching segment, also those cut at the limit.
    @Test(arguments: [(1, 3), (2, 3), (3, 3), (20, 3)])
    func run_countsEveryHitBeyondTheLimit(limit: Int, total: Int) throws {
        let memory = try Self.inflectedMemory()
        for other in [nil, LanguageTag("de")] {
            let result = try Concordance(database: memory.location).run("production", language: LanguageTag("en")!, other: other, limit: limit)
            #expect(result.lines.count == min(limit, total))
            #expect(result.total == total)
            #expect(result.isCut == (limit < total))
        }
        // With the match side file (the pair filter reads the index), the same count.
        try MatchIndexStore(source: memory.memory).save()
        let indexed = try Concordance(database: memory.location).run("production", language: LanguageTag("en")!, other: LanguageTag("de"), limit: limit)
        #expect(indexed.total == total && indexed.lines.count == min(limit, total))
    }

    @Test func run_searchesJapaneseBySubstring() throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run("保存でき", language: LanguageTag("ja")!, other: LanguageTag("en"), open: "[", close: "]").lines
        #expect(lines.map(\.highlighted) == ["変更を[保存でき]ません"])
        #expect(lines.first?.others.map(\.text) == ["Cannot save changes"])
    }

    /// A pair search asks the index from SQL and the database only when the index cannot tell:
    /// with an index that knows no variant (every answer `nil`), with the real one, and without
    /// any, the hits, their highlights and the languages alongside are the same.
    @Test(arguments: [("save", "en", "de", 1), ("the file", "en", "de", 1), ("is", "en", "tr", 1), ("保存", "ja", "en", 2), ("x", "en", "de", 0)])
    func search_asksTheDatabaseWhereTheIndexCannotTell(phrase: String, language: String, other: String, expected: Int) throws {
        let memory = try Self.memory()
        let query = try #require(ConcordanceQuery(phrase, mode: .allWords))
        func hits(_ index: MatchIndex?) throws -> [String] {
            try memory.memory.searchConcordance(
                query, language: LanguageTag(language)!, otherLanguage: LanguageTag(other), limit: 20,
                pairFilter: index?.pairFilter(language: LanguageTag(language)!, other: LanguageTag(other)!)
            ).hits.map { "\($0.id) \($0.highlighted) | \($0.others.map { "\($0.language) \($0.text)" })" }
        }
        let fromDatabase = try hits(nil)
        #expect(try hits(MatchIndex()) == fromDatabase)
        try MatchIndexStore(source: memory.memory).save()
        #expect(try hits(MatchIndexStore(source: memory.memory).bringUpToDate().index) == fromDatabase)
        #expect(fromDatabase.count == expected)
    }
}
