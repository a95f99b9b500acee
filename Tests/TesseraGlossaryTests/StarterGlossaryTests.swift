import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

/// The starter defence glossary (Glossaries/defence.csv, copied to Fixtures/starter by the
/// content helper): it loads, its wide and long files agree, and lookups work on real entries.
struct StarterGlossaryTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    static func entries(_ file: String) throws -> [TermEntry] {
        try GlossaryFileReader.read(path: FixtureFiles.path("starter/" + file), languages: nil)
    }

    @Test func read_longAndWideAgreeOnConceptsAndPreferredTerms() throws {
        let long = try Self.entries("defence.csv")
        let wide = try Self.entries("defence-wide.csv")
        #expect(long.count == wide.count)
        #expect(long.map(\.id) == wide.map(\.id))
        for (l, w) in zip(long, wide) {
            for language in w.languages {
                let preferred = l.terms(in: language).first { $0.status == .preferred }?.text
                #expect(preferred == w.terms(in: language).first?.text, "concept \(l.id) \(language)")
            }
        }
    }

    /// Issue 9 item 13: "savunma sanayii" (a compound noun whose head has the possessive -i) in the
    /// locative "savunma sanayiinde" (possessive, buffer n, case -de).
    @Test(arguments: [
        "Savunma sanayiinde üretim arttı.", "Savunma sanayiine yatırım.", "Savunma sanayiinin kapasitesi.",
        "Savunma sanayii üretimi.",
    ])
    func index_findsTurkishCompoundWithCaseAfterPossessive(sentence: String) throws {
        let index = TermIndex(glossaries: [Glossary(name: "defence", entries: try Self.entries("defence-wide.csv"))])
        let found = index.occurrences(in: sentence, source: LanguageTag("tr")!, targets: [Self.en])
        #expect(found.first?.hits.first?.source.text == "savunma sanayii", "\(sentence)")
    }

    @Test func index_findsEveryPreferredEnglishTermInItsOwnPluralForm() throws {
        let long = try Self.entries("defence.csv")
        let index = TermIndex(glossaries: [Glossary(name: "defence", entries: long)])
        var misses: [String] = []
        for entry in long {
            guard let term = entry.terms(in: Self.en).first, term.partOfSpeech == "noun", !term.text.hasSuffix("s") else { continue }
            let hits = index.lookup(term.text + "s", source: Self.en, targets: [Self.de])
            if !hits.contains(where: { $0.conceptID == entry.id && $0.match == .stem }) { misses.append(term.text) }
        }
        #expect(misses.isEmpty, "no stem match for the plural of \(misses)")
    }

    @Test func write_starterTBXReimportsIdentically() throws {
        let long = try Self.entries("defence.csv")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString).tbx").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try TBXWriter.write(Glossary(name: "defence", entries: long), to: output)
        let again = try TBXReader.read(path: output).map(TBXWriterTests.withoutCategories)
        #expect(TBXWriterTests.comparable(again) == TBXWriterTests.comparable(long.map(TBXWriterTests.groupedByLanguage)))
    }
}
