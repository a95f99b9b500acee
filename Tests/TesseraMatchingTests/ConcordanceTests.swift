import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraMatching
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
        let lines = try Concordance(database: memory.location).run(phrase, language: LanguageTag(language)!)
        #expect(lines.count == expected)
    }

    @Test func run_marksHitsAndShowsTheOtherLanguage() throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run("the file", language: LanguageTag("en")!, other: LanguageTag("de"), open: "[", close: "]")
        let line = try #require(lines.first)
        #expect(line.highlighted == "Save [the file] as PDF")  // FTS5 marks a phrase as one hit
        #expect(line.hits == [5..<13])
        #expect(line.others.map(\.text) == ["Datei als PDF speichern"])
        let words = try Concordance(database: memory.location).run("pdf save", language: LanguageTag("en")!, mode: .words)
        #expect(words.count == 1)
        let phrase = try Concordance(database: memory.location).run("pdf save", language: LanguageTag("en")!, mode: .phrase)
        #expect(phrase.isEmpty)
    }

    @Test func run_keepsOnlyUnitsOfThePair() throws {
        let memory = try Self.memory()
        let all = try Concordance(database: memory.location).run("is", language: LanguageTag("en")!, mode: .words)
        #expect(all.count == 1 && all.first?.others.map(\.language.description) == ["tr"])
        let german = try Concordance(database: memory.location).run("is", language: LanguageTag("en")!, other: LanguageTag("de"), mode: .words)
        #expect(german.isEmpty)
        let savePairs = try Concordance(database: memory.location).run("save", language: LanguageTag("en")!, other: LanguageTag("de"), mode: .words)
        #expect(savePairs.map(\.text) == ["Save the file as PDF"])
        let short = try Concordance(database: memory.location).run("保存", language: LanguageTag("ja")!, other: LanguageTag("de"))
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
                .map { "\($0.highlighted) | \($0.others.map(\.text))" }
        }
        let fromDatabase = try lines()
        try LookupIndex.update(memory.memory)
        #expect(FileManager.default.fileExists(atPath: MatchIndexFile.path(for: memory.memory)))
        #expect(try lines() == fromDatabase)
        // A unit written after the side file: the load catches up, the filter still agrees.
        try memory.memory.write(
            units: [TemporaryMemory.unit([(language, phrase.replacingOccurrences(of: "*", with: "")), (other, "x")])],
            batch: ImportBatch(kind: .tmx, filePath: "more.tmx"), policy: .add)
        let caughtUp = try lines()
        try FileManager.default.removeItem(atPath: MatchIndexFile.path(for: memory.memory))
        #expect(caughtUp == (try lines()))
        #expect(caughtUp.count >= fromDatabase.count)
    }

    @Test func run_searchesJapaneseBySubstring() throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run("保存でき", language: LanguageTag("ja")!, other: LanguageTag("en"), open: "[", close: "]")
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
            try ConcordanceSearch.search(
                memory.memory, query: query, language: LanguageTag(language)!, otherLanguage: LanguageTag(other), index: index
            ).map { "\($0.id) \($0.highlighted) | \($0.others.map { "\($0.language) \($0.text)" })" }
        }
        let fromDatabase = try hits(nil)
        #expect(try hits(MatchIndex()) == fromDatabase)
        try LookupIndex.update(memory.memory)
        #expect(try hits(MatchIndexFile.load(memory.memory).index) == fromDatabase)
        #expect(fromDatabase.count == expected)
    }
}
