import Foundation
import Testing
import TesseraCore
import TesseraText
@testable import TesseraSQLite
@testable import TesseraStorage

struct GlossaryStoreTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-glossary-\(UUID().uuidString).db").path
    }

    static let glossary = Glossary(name: "defence", entries: [
        TermEntry(id: "c1", subject: "defence", definitions: ["en": "A goal."], notes: ["": "NDPP"], terms: [
            Term(text: "capability target", language: en, partOfSpeech: "noun", status: .preferred),
            Term(text: "Fähigkeitsziel", language: de, status: .preferred),
            Term(text: "Fähigkeitsvorgabe", language: de, status: .forbidden, note: "old"),
        ], source: "test"),
        TermEntry(id: "c2", terms: [Term(text: "sanctions", language: en), Term(text: "Sanktionen", language: de)]),
    ])

    @Test func replaceGlossary_roundTripsEntries() throws {
        let path = Self.temporaryDatabase()
        let store = try SQLiteGlossaryStore.open(path: path)
        let report = try store.replaceGlossary(Self.glossary, origin: "unit test")
        #expect(report.concepts == 2 && report.terms == 5 && !report.replaced)
        #expect(try store.load(names: nil, languages: nil) == [Self.glossary])
        #expect(try store.load(names: nil, languages: ["de"]).first?.entries.first?.terms.count == 2)
        let again = try store.replaceGlossary(Self.glossary, origin: "again")
        #expect(again.replaced)
        #expect(try store.summaries().map(\.concepts) == [2])
    }

    @Test func termPairs_areFoldedStemmedAndSkipForbidden() throws {
        let store = try SQLiteGlossaryStore.open(path: Self.temporaryDatabase())
        try store.replaceGlossary(Self.glossary, origin: nil)
        let pairs = try store.termPairs(source: Self.en, target: Self.de)
        #expect(pairs.count == 2)
        #expect(pairs.allSatisfy { !$0.1.contains("vorgab") })
        func key(_ text: String, _ language: LanguageTag) -> String {
            TermNormalizer(language: language).keys(of: text).joined(separator: " ")
        }
        #expect(pairs.contains { $0 == (key("Capability Targets", Self.en), key("Fähigkeitsziele", Self.de)) })
        #expect(pairs.contains { $0 == (key("sanction", Self.en), key("Sanktion", Self.de)) })
    }

    @Test func open_sharesFileWithTranslationMemory() throws {
        let path = Self.temporaryDatabase()
        let memory = try SQLiteTranslationStore.open(path: path)
        let store = try SQLiteGlossaryStore.open(path: path)
        try store.replaceGlossary(Self.glossary, origin: nil)
        #expect(try store.appliedMigrations().allSatisfy { $0.hasPrefix("glossary-") })
        #expect(try memory.appliedMigrations().allSatisfy { !$0.hasPrefix("glossary-") })
        _ = try SQLiteTranslationStore.open(path: path)  // re-open with the glossary migrations present
        #expect(try SQLiteGlossaryStore.open(path: path).load(names: nil, languages: nil).count == 1)
    }

    @Test func replaceGlossary_failureLeavesDatabaseUnchanged() throws {
        let path = Self.temporaryDatabase()
        let store = try SQLiteGlossaryStore.open(path: path)
        try store.replaceGlossary(Self.glossary, origin: nil)
        // A term whose text is NULL-like cannot be inserted: break the table to force a failure
        // midway through the second import of the same name.
        try store.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER fail_on_sanktion BEFORE INSERT ON term WHEN NEW.text = 'Sanktionen' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        var changed = Self.glossary
        changed.entries[0].terms[0].text = "capability goal"
        #expect(throws: StorageError.self) { try store.replaceGlossary(changed, origin: nil) }
        #expect(try store.load(names: nil, languages: nil) == [Self.glossary])
    }
}
