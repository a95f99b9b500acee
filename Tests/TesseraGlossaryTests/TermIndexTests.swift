import Testing
import TesseraCore
import TesseraText
@testable import TesseraGlossary

struct TermIndexTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!
    static let fr = LanguageTag("fr")!
    static let tr = LanguageTag("tr")!

    static let index: TermIndex = {
        let wide = (try? GlossaryFileReader.read(path: FixtureFiles.path("delimited/wide.csv"), languages: nil)) ?? []
        let long = (try? GlossaryFileReader.read(path: FixtureFiles.path("delimited/long.csv"), languages: nil)) ?? []
        return TermIndex(glossaries: [Glossary(name: "wide", entries: wide), Glossary(name: "long", entries: long)])
    }()

    @Test(arguments: [
        "capability target", "Capability Targets", "capability-targets", "CAPABILITY-TARGET", "capability  target",
    ])
    func lookup_findsCaseHyphenAndPluralVariants(query: String) throws {
        let hits = Self.index.lookup(query, source: Self.en, targets: [Self.de])
        let first = try #require(hits.first)
        #expect(first.source.text == "capability target")
        #expect(first.targets.first?.text == "Fähigkeitsziel")
        #expect(first.match == .exact || first.match == .stem)
        #expect(hits.map(\.glossary).contains("long"))
    }

    @Test(arguments: [
        ("de", "Verteidigungsausgaben", "Verteidigungsausgabe"), ("de", "Ziele", "Ziel"), ("fr", "garanties", "garantie"),
        ("tr", "hedefleri", "hedef"), ("tr", "yaptırımlar", "yaptırım"), ("en", "sanctions", "sanction"),
        ("tr", "İSTANBUL", "İstanbul"), ("tr", "istanbul", "İstanbul"),
    ])
    func lookup_findsInflectedForms(language: String, query: String, term: String) throws {
        let hits = Self.index.lookup(query, source: LanguageTag(language)!, targets: [Self.en])
        #expect(hits.first?.source.text == term)
    }

    @Test func lookup_turkishDotlessIIsNotDottedI() {
        // "ısparta" (dotless) must not find a term spelled with i through the stem route.
        let hits = Self.index.lookup("ıstanbul", source: Self.tr, targets: [Self.en])
        #expect(hits.allSatisfy { $0.match == .fuzzy })
    }

    @Test func lookup_exactBeforeStemAndStatusesCarried() throws {
        let hits = Self.index.lookup("capability target", source: Self.en, targets: [Self.de])
        let long = try #require(hits.first { $0.glossary == "long" })
        #expect(long.match == .exact)
        #expect(long.targets.map(\.status) == [.preferred, .forbidden])
        #expect(long.definition == "Quantifiziertes Ziel für eine militärische Fähigkeit.")
    }

    @Test(arguments: [("capabilty target", 1), ("defense expenditure", 1)])
    func lookup_fallsBackToFuzzy(query: String, distance: Int) throws {
        let first = try #require(Self.index.lookup(query, source: Self.en, targets: [Self.de]).first)
        #expect(first.match == .fuzzy)
        #expect(first.distance == distance)
    }

    @Test func lookup_returnsNothingForUnknownOrEmpty() {
        #expect(Self.index.lookup("submarine", source: Self.en, targets: [Self.de]).isEmpty)
        #expect(Self.index.lookup("  ", source: Self.en, targets: [Self.de]).isEmpty)
        #expect(Self.index.lookup("target", source: LanguageTag("fi")!, targets: [Self.de]).isEmpty)
    }

    @Test func lookup_prefixFallbackForLanguageWithoutStemmer() throws {
        let entries = [TermEntry(id: "f1", terms: [
            Term(text: "tavoite", language: LanguageTag("fi")!), Term(text: "target", language: Self.en),
        ])]
        let index = TermIndex(glossaries: [Glossary(name: "fi", entries: entries)])
        let first = try #require(index.lookup("tavoitteet", source: LanguageTag("fi")!, targets: [Self.en]).first)
        #expect(first.match == .prefix)
        #expect(first.targets.map(\.text) == ["target"])
    }

    @Test func occurrences_findsMultiWordInflectedTermsWithUTF16Offsets() throws {
        let sentence = "😀 Allies met their capability-targets and defence expenditure goals."
        let found = Self.index.occurrences(in: sentence, source: Self.en, targets: [Self.de])
        #expect(found.map(\.text) == ["capability-targets", "defence expenditure"])
        let utf16 = Array(sentence.utf16)
        for occurrence in found {
            #expect(String(decoding: utf16[occurrence.range], as: UTF16.self) == occurrence.text)
        }
        #expect(found[0].start == 20)
    }

    @Test func occurrences_longestMatchWins() {
        let found = Self.index.occurrences(in: "The capability target is a target.", source: Self.en, targets: [Self.de])
        #expect(found.map(\.text) == ["capability target", "target"])
        #expect(found[1].hits.first?.targets.first?.text == "Ziel")
    }

    @Test func occurrences_germanInflected() {
        let found = Self.index.occurrences(in: "Die Verteidigungsausgaben und die Ziele.", source: Self.de, targets: [Self.en])
        #expect(found.map(\.text) == ["Verteidigungsausgaben", "Ziele"])
    }
}

extension TermIndexTests {
    @Test func lookup_findsWordInsideLongerTerm() throws {
        let first = try #require(Self.index.lookup("hedefleri", source: Self.tr, targets: [Self.en]).first)
        // "hedef" is a whole term in wide.csv: the stem match wins over the longer "yetenek hedefi".
        #expect(first.source.text == "hedef")
        let partial = try #require(Self.index.lookup("harcamaları", source: Self.tr, targets: [Self.en]).first)
        #expect(partial.match == .partial)
        #expect(partial.source.text == "savunma harcaması")
    }

    @Test(arguments: ["objectif de l’OTAN", "objectif de l'OTAN", "objectifs de l’OTAN"])
    func lookup_treatsApostrophesAlike(query: String) throws {
        let entries = [TermEntry(id: "a1", terms: [
            Term(text: "objectif de l’OTAN", language: Self.fr), Term(text: "NATO target", language: Self.en),
        ])]
        let index = TermIndex(glossaries: [Glossary(name: "fr", entries: entries)])
        #expect(index.lookup(query, source: Self.fr, targets: [Self.en]).first?.match != .fuzzy)
        #expect(index.lookup(query, source: Self.fr, targets: [Self.en]).first?.targets.first?.text == "NATO target")
    }
}

extension TermIndexTests {
    @Test(arguments: ["Verteidigungs-Ausgaben", "Verteidigungs Ausgabe"])
    func lookup_joinsHyphenatedPartsOfACompound(query: String) throws {
        let first = try #require(Self.index.lookup(query, source: Self.de, targets: [Self.en]).first)
        #expect(first.source.text == "Verteidigungsausgabe")
        #expect(first.match == .stem)
    }
}

extension TermIndexTests {
    /// The fuzzy route reads only the length window; it must find what a scan of every term finds.
    @Test(arguments: [
        ("en", "capabilty target"), ("en", "defense expenditure"), ("en", "sanktion"), ("en", "garantee"), ("de", "Fahigkeitziel"),
        ("de", "Sanktoin"), ("fr", "objectiv capacitare"), ("tr", "savnuma harcaması"), ("en", "air polcing"), ("en", "xyz"),
    ])
    func lookup_fuzzyWindowFindsWhatAFullScanFinds(language: String, query: String) {
        let source = LanguageTag(language)!
        let normalizer = TermNormalizer(language: source)
        let foldedQuery = Array(normalizer.foldedWords(of: query).joined(separator: " ").unicodeScalars)
        let budget = max(1, foldedQuery.count / 4)
        // Full scan: every indexed term of the language, in index order.
        var scan: [(distance: Int, entry: Int32, text: String)] = []
        for reference in Self.index.references where Self.index.entries[Int(reference.entry)].terms[Int(reference.term)].language.language == language {
            let candidate = Array(reference.foldedWords.joined(separator: " ").unicodeScalars)
            if foldedQuery.count >= 3, let distance = EditDistance.distance(foldedQuery, candidate, limit: budget, transpositions: false) {
                scan.append((distance, reference.entry, Self.index.entries[Int(reference.entry)].terms[Int(reference.term)].text))
            }
        }
        var seen = Set<Int32>()
        let expected = scan.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
            .filter { seen.insert($0.element.entry).inserted }.prefix(10).map { "\($0.element.text) \($0.element.distance)" }
        let hits = Self.index.lookup(query, source: source, targets: [])
        #expect(hits.allSatisfy { $0.match == .fuzzy })
        #expect(hits.isEmpty == (query == "xyz"))
        #expect(hits.map { "\($0.source.text) \($0.distance)" } == Array(expected))
    }
}
