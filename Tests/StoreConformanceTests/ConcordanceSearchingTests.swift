import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraStorage

/// Concordance through ``TranslationStore/searchConcordance(_:language:otherLanguage:limit:pairFilter:)``.
struct ConcordanceSearchingTests {
    static func filled(_ backend: Backend) throws -> any TranslationStore {
        let store = try backend.makeMemory()
        try store.write(units: [
            unit([("en-US", "Save the file now."), ("de", "Datei jetzt speichern.")]),
            unit([("en", "The file was saved."), ("fr", "Le fichier a été enregistré.")]),
            unit([("en", "Open the production lines."), ("de", "Öffnen Sie die Fertigungslinien.")]),
            unit([("en", "Costs 5 € per file"), ("de", "Kostet 5 € pro Datei")]),
            unit([("ja", "ファイルを保存できません。"), ("en", "Cannot save the file.")]),
        ], batch: batch(), policy: .add)
        return store
    }

    /// The marked text of each hit, markers shown as « ».
    static func marked(_ result: ConcordanceResult) -> [String] {
        result.hits.map {
            $0.highlighted.replacingOccurrences(of: ConcordanceHit.highlightStart, with: "«")
                .replacingOccurrences(of: ConcordanceHit.highlightEnd, with: "»")
        }
    }

    @Test(arguments: Backend.all, [
        ("the file", ConcordanceQuery.Mode.phrase, "en", ["Save «the file» now.", "«The file» was saved.", "Cannot save «the file»."]),
        ("file save", .allWords, "en", ["«Save» the «file» now.", "Cannot «save» the «file»."]),
        ("line", .phrase, "en", ["Open the production «lines»."]),  // another form of the word
        ("\"line\"", .phrase, "en", []),  // quoted: only this form
        ("prod*", .phrase, "en", ["Open the «production» lines."]),
        ("€", .phrase, "en", ["Costs 5 «€» per file"]),
        ("保存でき", .phrase, "ja", ["ファイルを«保存でき»ません。"]),
        ("保存", .phrase, "ja", ["ファイルを«保存»できません。"]),  // shorter than a trigram
        ("NEAR(file", .phrase, "en", []),  // no operator
        ("Datei", .phrase, "de", ["«Datei» jetzt speichern.", "Kostet 5 € pro «Datei»"]),
    ])
    func search_findsAndMarksTheHits(
        backend: Backend, example: (phrase: String, mode: ConcordanceQuery.Mode, language: String, expected: [String])
    ) throws {
        let (phrase, mode, language, expected) = example
        let store = try Self.filled(backend)
        let query = try #require(ConcordanceQuery(phrase, mode: mode))
        let result = try store.searchConcordance(query, language: tag(language), otherLanguage: nil, limit: 20, pairFilter: nil)
        #expect(Self.marked(result) == expected)
        #expect(result.total == expected.count)
        #expect(result.hits.allSatisfy { $0.language.language == language })
    }

    @Test(arguments: Backend.all, [(1, 1), (2, 2), (3, 3), (4, 3)])
    func search_countsEveryHitBeyondTheLimit(backend: Backend, example: (limit: Int, shown: Int)) throws {
        let (limit, shown) = example
        let store = try Self.filled(backend)
        let result = try store.searchConcordance(try #require(ConcordanceQuery("the file")), language: tag("en"), otherLanguage: nil, limit: limit, pairFilter: nil)
        #expect(result.hits.count == shown)
        #expect(result.total == 3)
    }

    /// With another language, only units holding it are found, and only it is shown alongside.
    @Test(arguments: Backend.all)
    func search_withAnotherLanguageShowsOnlyIt(backend: Backend) throws {
        let store = try Self.filled(backend)
        let query = try #require(ConcordanceQuery("file"))
        let all = try store.searchConcordance(query, language: tag("en"), otherLanguage: nil, limit: 20, pairFilter: nil)
        #expect(all.hits.map { $0.others.map(\.language.description) } == [["de"], ["fr"], ["de"], ["ja"]])
        let german = try store.searchConcordance(query, language: tag("en"), otherLanguage: tag("de-AT"), limit: 20, pairFilter: nil)
        #expect(german.hits.map { $0.others.map(\.text) } == [["Datei jetzt speichern."], ["Kostet 5 € pro Datei"]])
        #expect(german.total == 2)
        #expect(Set(german.hits.map(\.unit)).count == 2)
    }

    /// A pair filter that cannot tell (`nil`) leaves it to the store; one that agrees with the
    /// store (as a current match index does) changes nothing; on SQLite, which reads it instead of
    /// the database, one that knows the answer decides (PostgreSQL asks its own tables).
    @Test(arguments: Backend.all)
    func search_followsThePairFilter(backend: Backend) throws {
        let store = try Self.filled(backend)
        let query = try #require(ConcordanceQuery("file"))
        let unknown = try store.searchConcordance(query, language: tag("en"), otherLanguage: tag("de"), limit: 20, pairFilter: { _ in nil })
        let none = try store.searchConcordance(query, language: tag("en"), otherLanguage: tag("de"), limit: 20, pairFilter: nil)
        #expect(unknown == none)
        #expect(none.hits.count == 2)
        let holdsGerman = Set(none.hits.map(\.id))
        let agreeing = try store.searchConcordance(
            query, language: tag("en"), otherLanguage: tag("de"), limit: 20, pairFilter: { holdsGerman.contains($0) })
        #expect(agreeing == none)
        guard backend.name == "SQLite" else { return }
        let first = try #require(none.hits.first?.id)
        let onlyFirst = try store.searchConcordance(query, language: tag("en"), otherLanguage: tag("de"), limit: 20, pairFilter: { $0 == first })
        #expect(onlyFirst.hits.map(\.id) == [first])
    }
}
