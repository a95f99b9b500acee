import Foundation
import Testing
import TesseraCore
import TesseraStorage

/// The behaviour of every ``GlossaryStore``: whole glossaries in and out, and the key look-ups of
/// the stored term index.
struct GlossaryStoreTests {
    static let defence = Glossary(name: "defence", entries: [
        TermEntry(
            id: "c1", subject: "military", definitions: ["en": "What a force can do."], notes: ["": "checked"],
            terms: [
                Term(text: "capability target", language: tag("en"), partOfSpeech: "noun", status: .preferred),
                Term(text: "Fähigkeitsziel", language: tag("de-DE"), status: .admitted, note: "DE"),
                Term(text: "capacity goal", language: tag("en"), status: .forbidden),
            ], source: "defence.tbx"),
        TermEntry(id: "c2", terms: [
            Term(text: "target", language: tag("en")), Term(text: "Ziel", language: tag("de")),
        ]),
        TermEntry(id: "c3", terms: [
            Term(text: "capability gap analysis", language: tag("en")), Term(text: "Fähigkeitslückenanalyse", language: tag("de")),
        ]),
    ])
    static let small = Glossary(name: "alpha", entries: [
        TermEntry(id: "a1", terms: [Term(text: "file", language: tag("en")), Term(text: "fichier", language: tag("fr"))]),
    ])

    @Test(arguments: Backend.all)
    func replaceGlossary_loadsBackTheSameGlossary(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        let report = try store.replaceGlossary(Self.defence, origin: "defence.tbx")
        #expect(report == GlossaryWriteReport(glossary: "defence", concepts: 3, terms: 7, replaced: false))
        try store.replaceGlossary(Self.small, origin: nil)
        #expect(try store.load(names: nil, languages: nil) == [Self.small, Self.defence])
        #expect(try store.load(names: ["defence"], languages: nil) == [Self.defence])
        let german = try store.load(names: ["defence"], languages: ["de"])
        #expect(german.first?.entries.map { $0.terms.map(\.text) } == [["Fähigkeitsziel"], ["Ziel"], ["Fähigkeitslückenanalyse"]])
    }

    @Test(arguments: Backend.all)
    func replaceGlossary_replacesOneOfTheSameName(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: "a")
        let smaller = Glossary(name: "defence", entries: [Self.defence.entries[1]])
        let report = try store.replaceGlossary(smaller, origin: "b")
        #expect(report.replaced && report.concepts == 1 && report.terms == 2)
        #expect(try store.load(names: nil, languages: nil) == [smaller])
        #expect(try store.termKeys(language: "en", stemmedPrefix: "capab").isEmpty)
    }

    @Test(arguments: Backend.all)
    func summaries_nameSizeAndLanguages(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        #expect(try store.summaries().isEmpty)
        try store.replaceGlossary(Self.defence, origin: "defence.tbx")
        try store.replaceGlossary(Self.small, origin: nil)
        #expect(try store.summaries() == [
            GlossarySummary(name: "alpha", origin: nil, concepts: 1, terms: 2, languages: ["en", "fr"]),
            GlossarySummary(name: "defence", origin: "defence.tbx", concepts: 3, terms: 7, languages: ["de", "de-DE", "en"]),
        ])
    }

    @Test(arguments: Backend.all)
    func deleteGlossary_removesItAndItsTerms(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: nil)
        try store.replaceGlossary(Self.small, origin: nil)
        #expect(try store.deleteGlossary(named: "defence"))
        #expect(try !store.deleteGlossary(named: "defence"))
        #expect(try store.load(names: nil, languages: nil) == [Self.small])
        #expect(try store.termKeys(language: "en", stemmed: ["target"]).isEmpty)
        #expect(try store.termPairs(source: tag("en"), target: tag("de")).isEmpty)
    }

    /// Preferred, admitted and unmarked terms pair up within a concept; forbidden ones do not.
    @Test(arguments: Backend.all)
    func termPairs_leaveOutForbiddenTerms(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: nil)
        let pairs = try store.termPairs(source: tag("en"), target: tag("de"))
        #expect(pairs.count == 3)
        #expect(pairs.map(\.1).allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
        #expect(!pairs.contains { $0.0.hasPrefix("capac") })
        #expect(try store.termPairs(source: tag("en"), target: tag("fr")).isEmpty)
    }

    @Test(arguments: Backend.all)
    func termKeys_findTermsByKeyPrefixAndContainedKeys(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: nil)
        let target = try store.termKeys(language: "en", stemmed: ["target"])
        #expect(target.map(\.folded) == ["target"])
        #expect(target.first?.glossary == "defence" && target.first?.conceptPosition == 1 && target.first?.termPosition == 0)
        let prefixed = try store.termKeys(language: "en", stemmedPrefix: "capab").sorted(by: GlossaryTermKey.inIndexOrder)
        #expect(prefixed.map(\.folded) == ["capability target", "capability gap analysis"])
        // Whole words only, and longer than the keys.
        let containing = try store.termKeys(language: "en", containing: try #require(target.first?.stemmed))
        #expect(containing.map(\.folded) == ["capability target"])
        #expect(try store.termKeys(language: "en", containing: "targ").isEmpty)
        let byID = try store.termKeys(ids: prefixed.map(\.termID) + [999_999])
        #expect(Set(byID) == Set(prefixed))
        #expect(try store.termKeys(language: "de", stemmed: ["target"]).isEmpty)
        #expect(try store.termKeys(language: "en", stemmed: []).isEmpty)
    }

    @Test(arguments: Backend.all)
    func foldedTerms_areInTheLengthWindowAndContainAPiece(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: nil)
        let found = try store.foldedTerms(language: "en", lengths: 13...17, containingAny: ["capa", "zzz"])
        #expect(found.map(\.folded).sorted() == ["capability target", "capacity goal"])
        #expect(try store.foldedTerms(language: "en", lengths: 1...5, containingAny: ["capa"]).isEmpty)
        #expect(try store.foldedTerms(language: "en", lengths: 1...50, containingAny: []).isEmpty)
    }

    @Test(arguments: Backend.all)
    func concepts_comeWithTheirTermsOfTheLanguagesAsked(backend: Backend) throws {
        let store = try backend.makeGlossaries()
        try store.replaceGlossary(Self.defence, origin: nil)
        let id = try #require(try store.conceptRowID(glossary: "defence", conceptKey: "c1"))
        #expect(try store.conceptRowID(glossary: "defence", conceptKey: "nope") == nil)
        #expect(try store.conceptRowID(glossary: "other", conceptKey: "c1") == nil)
        let all = try #require(try store.concepts([id, id], languages: nil)[id])
        #expect(all.glossary == "defence")
        #expect(all.entry.id == "c1" && all.entry.subject == "military" && all.entry.definitions == ["en": "What a force can do."])
        #expect(all.entry.terms.map(\.text) == ["capability target", "Fähigkeitsziel", "capacity goal"])
        #expect(all.termIDs.count == 3 && Set(all.termIDs).count == 3)
        let keys = try store.termKeys(ids: all.termIDs)
        #expect(Set(keys.map(\.conceptID)) == [id])
        let german = try #require(try store.concepts([id], languages: ["de"])[id])
        #expect(german.entry.terms.map(\.text) == ["Fähigkeitsziel"])
        #expect(try store.concepts([], languages: nil).isEmpty)
    }
}
