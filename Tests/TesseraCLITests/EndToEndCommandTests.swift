import Foundation
import Testing

/// Runs the real `tessera` executable on scratch files: every subcommand's `--json` output is
/// exactly one JSON document, text output otherwise, and exit status 0 on success.
struct EndToEndCommandTests {
    /// A scratch directory with `tm.db` holding the sample TMX and glossary, and input files.
    static func populated(function: String = #function) throws -> EndToEndHarness? {
        guard let harness = EndToEndHarness(function: function) else { return nil }
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

    /// Each command line, without `--json` (added by the test), run against the populated directory.
    static let commands: [[String]] = [
        ["import", "memory.tmx", "--db", "other.db"],
        ["stats", "--db", "tm.db"],
        ["export", "out.tmx", "--db", "tm.db"],
        ["export", "out.tsv", "--db", "tm.db", "--source", "en", "--target", "de"],
        ["lookup", "The red house number 1 is open.", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["concordance", "red house", "--lang", "en", "--db", "tm.db"],
        ["concordance", "file", "--pair", "en-fr", "--db", "tm.db"],
        ["glossary", "import", "glossary.tbx", "--name", "second", "--db", "tm.db"],
        ["glossary", "export", "glossary-out.csv", "--db", "tm.db"],
        ["glossary", "list", "--db", "tm.db"],
        ["term", "red house", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["terms-in", "Open the file in the red house.", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "tm.db"],
        ["segment", "text.txt", "--lang", "en"],
    ]

    @Test(arguments: commands)
    func command_jsonPrintsExactlyOneDocument(arguments: [String]) throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        #expect(result.json != nil, "\(arguments): standard output is not one JSON document: \(result)")
    }

    @Test(arguments: commands)
    func command_withoutJSONPrintsText(arguments: [String]) throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result)")
        #expect(!result.standardOutput.isEmpty, "\(arguments): nothing on standard output")
        #expect(!(result.json is [String: Any]) && !(result.json is [Any]), "\(arguments): text output parses as JSON: \(result)")
    }

    @Test func align_jsonFormatPrintsExactlyOneDocument() throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.json != nil, "\(result)")
        let text = try harness.run(["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--sentences"])
        #expect(text.status == 0, "\(text)")
        #expect(text.standardOutput.split(separator: "\n").count == 3, "\(text)")
    }

    @Test func segment_jsonHasTheSentences() throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(["segment", "text.txt", "--lang", "en", "--json"])
        let sentences = try #require(result.jsonObject?["sentences"] as? [[String: Any]], "\(result)")
        #expect(sentences.compactMap { $0["text"] as? String } == ["Dr. Smith came home.", "He was tired!", "A new paragraph."])
    }

    @Test func stats_jsonCountsTheImportedUnits() throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(["stats", "--db", "tm.db", "--json"])
        let object = try #require(result.jsonObject, "\(result)")
        #expect(object["units"] as? Int == 4, "\(result)")
    }

    @Test func export_toStandardOutputKeepsTheReportOff() throws {
        guard let harness = try Self.populated() else { return }
        defer { harness.cleanUp() }
        let result = try harness.run(["export", "-", "--format", "json", "--db", "tm.db", "--json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.json != nil, "the exported JSON is mixed with something else: \(result)")
        #expect(!result.standardError.isEmpty, "the --json report should go to standard error")
    }
}
