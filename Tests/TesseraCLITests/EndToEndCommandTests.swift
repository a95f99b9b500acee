import Foundation
import Testing

/// Runs the real `tessera` executable on scratch files and checks what some outputs hold (the
/// `--json` and text contract of every subcommand is tested in `EndToEndOutputTests`).
struct EndToEndCommandTests {
    /// A scratch directory with `tm.db` holding the sample TMX and glossary, and input files.
    static func populated() throws -> EndToEndHarness {
        let harness = try EndToEndHarness()
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try harness.write("glossary.tbx", EndToEndHarness.tbx)
        try harness.write("pairs.tsv", "Open the file.\tÖffnen Sie die Datei.\n")
        try harness.write("text.txt", "Dr. Smith came home. He was tired!\nA new paragraph.\n")
        try harness.write("source.txt", "The house is red.\nThe file is open.\nIt is late.\n")
        try harness.write("target.txt", "Das Haus ist rot.\nDie Datei ist offen.\nEs ist spät.\n")
        let imported = try harness.run(["import", "memory.tmx", "--db", "tm.db"])
        #expect(imported.status == 0, "\(imported)")
        let glossary = try harness.run(["glossary", "import", "glossary.tbx", "--db", "tm.db"])
        #expect(glossary.status == 0, "\(glossary)")
        return harness
    }

    @Test func align_jsonFormatPrintsExactlyOneDocument() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.json != nil, "\(result)")
        let text = try harness.run(["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--sentences"])
        #expect(text.status == 0, "\(text)")
        #expect(text.standardOutput.split(separator: "\n").count == 3, "\(text)")
    }

    @Test func segment_jsonHasTheSentences() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["segment", "text.txt", "--lang", "en", "--json"])
        let sentences = try #require(result.jsonObject?["sentences"] as? [[String: Any]], "\(result)")
        #expect(sentences.compactMap { $0["text"] as? String } == ["Dr. Smith came home.", "He was tired!", "A new paragraph."])
    }

    @Test func stats_jsonCountsTheImportedUnits() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["stats", "--db", "tm.db", "--json"])
        let object = try #require(result.jsonObject, "\(result)")
        #expect(object["units"] as? Int == 4, "\(result)")
    }

    @Test func export_toStandardOutputKeepsTheReportOff() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["export", "-", "--format", "json", "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        #expect(result.json != nil, "the exported JSON is mixed with something else: \(result)")
        #expect(result.standardError.hasPrefix("Exported "), "the summary should go to standard error: \(result)")
        // --json would put the report where the export goes: a usage error.
        let json = try harness.run(["export", "-", "--format", "json", "--db", "tm.db", "--json"])
        #expect(json.status == 2, "\(json)")
    }
}
