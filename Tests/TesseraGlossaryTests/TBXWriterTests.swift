import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

struct TBXWriterTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-\(UUID().uuidString)-\(name)").path
    }

    /// Entries without the `source` field (the file name, which TBX-Basic does not carry).
    static func comparable(_ entries: [TermEntry]) -> [TermEntry] {
        entries.map { entry in
            var copy = entry
            copy.source = nil
            return copy
        }
    }

    @Test(arguments: ["tbx/basic-good.tbx", "tbx/admin-status.tbx", "tbx/oracle_TBX.tbx", "delimited/long.csv", "delimited/wide.csv"])
    func write_reimportsIdentically(file: String) throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path(file), languages: nil)
        let output = Self.temporaryPath("out.tbx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try TBXWriter.write(Glossary(name: "round trip", entries: entries), to: output)
        var again = try TBXReader.read(path: output)
        if file.hasSuffix(".csv") { again = again.map(Self.withoutCategories) }  // TBX adds its elements
        #expect(Self.comparable(again) == Self.comparable(entries.map(Self.groupedByLanguage)))
    }

    /// The typed fields only (what a delimited file carries).
    static func withoutCategories(_ entry: TermEntry) -> TermEntry {
        var copy = entry
        copy.categories = [:]
        for index in copy.terms.indices { copy.terms[index].categories = [] }
        return copy
    }

    /// TBX groups terms by language section; a CSV entry may interleave languages.
    static func groupedByLanguage(_ entry: TermEntry) -> TermEntry {
        var order: [LanguageTag] = []
        for term in entry.terms where !order.contains(term.language) { order.append(term.language) }
        var copy = entry
        copy.terms = order.flatMap { language in entry.terms.filter { $0.language == language } }
        return copy
    }

    @Test func write_producesTBXBasicStructure() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/long.csv"), languages: nil)
        let output = Self.temporaryPath("structure.tbx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try TBXWriter.write(Glossary(name: "g", entries: entries), to: output)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        for element in ["<tbx ", "<tbxHeader>", "<text>", "<body>", "<conceptEntry id=\"c1\">", "<langSec xml:lang=\"de\">", "<termSec>"] {
            #expect(text.contains(element))
        }
        #expect(text.contains("urn:iso:std:iso:30042:ed-2"))
        #expect(text.contains("forbiddenTerm-admn-sts"))
    }

    @Test func csv_reimportsIdentically() throws {
        let entries = try GlossaryFileReader.read(path: FixtureFiles.path("delimited/long.csv"), languages: nil)
        let csv = GlossaryCSVWriter.csv(for: Glossary(name: "g", entries: entries))
        let again = try DelimitedGlossaryReader.read(text: csv, file: "long.csv", languages: nil)
        #expect(again == entries)
    }

}

extension TBXWriterTests {
    /// Issue 9 item 6: transactions, cross-references, admin, term type and geographical usage
    /// survive a write in both TBX versions.
    @Test(arguments: [TBXWriter.Version.tbx3, .tbx2])
    func write_keepsEveryDataCategory(version: TBXWriter.Version) throws {
        let entries = try TBXReader.read(path: FixtureFiles.path("tbx/data-categories.tbx"))
        let entry = try #require(entries.first)
        let concept = entry.categories[""] ?? []
        #expect(concept.map(\.element) == ["transacGrp", "descrip", "admin", "xref"])
        #expect(concept[0].flattened.map(\.value).contains("2024-03-01"))
        #expect(concept[0].flattened.map(\.value).contains("Ayşe"))
        #expect(concept[3].attributes == [Attribute("target", "https://example.org/capability.png")])
        let first = try #require(entry.terms.first)
        #expect(first.categories.map { $0.type ?? $0.element } == [
            "partOfSpeech", "termType", "administrativeStatus", "geographicalUsage", "context", "transacGrp", "note",
        ])
        #expect(first.status == .preferred)
        #expect(entry.definitions["en"] == "A quantified goal for a military capability.")
        let output = Self.temporaryPath("categories.tbx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try TBXWriter.write(Glossary(name: "g", entries: entries), to: output, version: version)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(version == .tbx2 ? "<martif type=\"TBX\"" : "<tbx type=\"TBX-Core\""))
        #expect(text.contains("standardizedTerm-admn-sts"))
        let again = try TBXReader.read(path: output)
        #expect(Self.comparable(again) == Self.comparable(entries))
    }
}
