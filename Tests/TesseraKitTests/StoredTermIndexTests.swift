import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
import TesseraGlossary
import TesseraSQLite
import TesseraStorage
@testable import TesseraKit

/// The database-backed lookup answers exactly as the in-memory ``TermIndex`` over the same
/// glossaries (the fixtures of TesseraGlossaryTests, the starter defence glossary, and a Finnish one for
/// the prefix route).
struct StoredTermIndexTests {
    static let languages = ["en", "de", "fr", "tr", "fi"].compactMap(LanguageTag.init)

    static let finnishCSV = """
        id,fi,en
        f1,tavoite,target
        f2,puolustusmenot,defence expenditure
        f3,suorituskykytavoite,capability target

        """

    /// A scratch database with the glossaries `wide`, `long`, `defence` and `fi` imported.
    static func database() throws -> (StoreLocation, GlossaryKitTests.Scratch) {
        let scratch = try GlossaryKitTests.Scratch()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TesseraGlossaryTests/Fixtures/delimited")
        for name in ["wide", "long"] {
            _ = try GlossaryImport(files: [fixtures.appendingPathComponent("\(name).csv").path], name: name, database: scratch.database).run()
        }
        let starter = fixtures.deletingLastPathComponent().appendingPathComponent("starter/defence.csv").path
        _ = try GlossaryImport(files: [starter], name: "defence", database: scratch.database).run()
        let finnish = try scratch.write("fi.csv", finnishCSV)
        _ = try GlossaryImport(files: [finnish], name: "fi", database: scratch.database).run()
        return (scratch.database, scratch)
    }

    /// Both backends for one language pair.
    static func lookups(_ database: StoreLocation, source: String, targets: [String]) throws -> (TermLookup, TermLookup) {
        let source = LanguageTag(source)!
        let targets = targets.compactMap(LanguageTag.init)
        return (
            try TermLookup.loaded(database: database, source: source, targets: targets),
            try TermLookup(database: database, source: source, targets: targets)
        )
    }

    @Test(arguments: [
        ("en", "capability target"), ("en", "Capability-Targets"), ("en", "capabilty target"), ("en", "defense expenditure"),
        ("en", "targets"), ("en", "goal"), ("en", "submarine"), ("en", "  "), ("de", "Verteidigungs-Ausgaben"),
        ("de", "Ziele"), ("de", "Fähigkeitsziele"), ("fr", "garanties"), ("fr", "objectifs capacitaires"),
        ("tr", "hedefleri"), ("tr", "harcamaları"), ("tr", "ıstanbul"), ("tr", "İSTANBUL"), ("fi", "tavoitteet"),
        ("fi", "puolustusmenoja"), ("fi", "ta"), ("fi", "suorituskykytavoitteita"), ("en", "istanbul"),
    ])
    func lookup_answersAsTheInMemoryIndex(source: String, query: String) throws {
        let (database, _) = try Self.database()
        for targets in [["de"], [], ["en", "fr"]] {
            let (memory, stored) = try Self.lookups(database, source: source, targets: targets)
            #expect(try stored.lookup(query) == memory.lookup(query), "\(source) \(query) -> \(targets)")
        }
    }

    @Test(arguments: [
        ("en", "Allies met their capability-targets and defence expenditure goals, a sanction."),
        ("en", "The capability target is a target; guarantee, guarantees."), ("de", "Die Verteidigungsausgaben und die Ziele."),
        ("tr", "Yetenek hedefleri ve savunma harcaması."), ("fi", "Tavoite, puolustusmenot."), ("en", ""), ("en", "!!! ..."),
    ])
    func occurrences_answerAsTheInMemoryIndex(source: String, sentence: String) throws {
        let (database, _) = try Self.database()
        for targets in [["de"], []] {
            let (memory, stored) = try Self.lookups(database, source: source, targets: targets)
            #expect(try stored.termsIn(sentence) == memory.termsIn(sentence), "\(source) \(sentence) -> \(targets)")
        }
    }

    @Test func lookup_misspelledTermsAnswerAsTheInMemoryIndex() throws {
        // Every fixture term with one scalar dropped, doubled or replaced (seeded choice).
        let (database, _) = try Self.database()
        var generator = SeededGenerator(seed: 7)
        for source in Self.languages {
            let (memory, stored) = try Self.lookups(database, source: source.description, targets: [])
            let store = try SQLiteGlossaryStore.open(path: database.description)
            let terms = try store.load(names: nil, languages: [source.language]).flatMap(\.entries).flatMap(\.terms)
            for term in terms {
                var scalars = Array(term.text.unicodeScalars)
                let position = Int(generator.next() % UInt64(scalars.count))
                switch generator.next() % 3 {
                case 0: scalars.remove(at: position)
                case 1: scalars.insert(scalars[position], at: position)
                default: scalars[position] = "x"
                }
                let query = String(String.UnicodeScalarView(scalars))
                #expect(try stored.lookup(query) == memory.lookup(query), "\(source) \(query)")
            }
        }
    }

    @Test func lookup_consultsOnlyTheNamedGlossaries() throws {
        let (database, _) = try Self.database()
        let lookup = try TermLookup(
            database: database, source: LanguageTag("en")!, targets: [LanguageTag("de")!], glossaries: ["long"])
        let hits = try lookup.lookup("capability target")
        #expect(!hits.isEmpty && hits.allSatisfy { $0.glossary == "long" })
        let memory = try TermLookup.loaded(
            database: database, source: LanguageTag("en")!, targets: [LanguageTag("de")!], glossaries: ["long"])
        #expect(try memory.lookup("capability target") == hits)
    }

    @Test func termsOfConcept_answerAsTheInMemoryIndex() throws {
        let (database, _) = try Self.database()
        let (memory, stored) = try Self.lookups(database, source: "en", targets: ["de"])
        for (glossary, concept) in [("long", "c1"), ("wide", "w2"), ("wide", "nope"), ("nope", "c1")] {
            #expect(try stored.terms(ofConcept: concept, glossary: glossary) == memory.terms(ofConcept: concept, glossary: glossary))
        }
        #expect(try stored.terms(ofConcept: "c1", glossary: "long").map(\.text).contains("Fähigkeitsvorgabe"))
    }
}

extension StoredTermIndexTests {
    @Test(arguments: [("capabilty", 3, ["cap", "abi", "lty"]), ("abcdefg", 2, ["abcd", "efg"]), ("aaaa", 2, ["aa"]), ("ab", 5, ["a", "b"]), ("", 2, [])])
    func pieces_cutsIntoDisjointNearlyEqualParts(text: String, count: Int, expected: [String]) {
        #expect(TermSearch.pieces(of: Array(text.unicodeScalars), count: count) == expected)
    }
}
