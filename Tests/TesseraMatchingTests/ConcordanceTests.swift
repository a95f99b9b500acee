import Foundation
import Testing
import TesseraCore
import TesseraKit

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

    @Test func run_searchesJapaneseBySubstring() throws {
        let memory = try Self.memory()
        let lines = try Concordance(database: memory.location).run("保存でき", language: LanguageTag("ja")!, other: LanguageTag("en"), open: "[", close: "]")
        #expect(lines.map(\.highlighted) == ["変更を[保存でき]ません"])
        #expect(lines.first?.others.map(\.text) == ["Cannot save changes"])
    }
}
