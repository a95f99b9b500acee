import Foundation
import Testing

/// Runs the real `tessera` executable for every subcommand and mode with `--json` (success,
/// failure and usage error): standard output is exactly one JSON document each time. Also the
/// batch TSV layouts (a header, language columns, every requested match), JSON Lines only on
/// request, options that do nothing in a mode, the skipped-unit list, `--version` and plurals.
struct EndToEndOutputTests {
    /// A scratch directory with `tm.db` holding the sample TMX and glossary, `plain.db` holding
    /// the TMX only, and input files.
    static func populated() throws -> EndToEndHarness {
        let harness = try EndToEndHarness()
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try harness.write("malformed.tmx", EndToEndHarness.malformedTMX)
        try harness.write("invalid-unit.tmx", EndToEndHarness.invalidUnitTMX)
        try harness.write("glossary.tbx", EndToEndHarness.tbx)
        try harness.write("malformed.tbx", EndToEndHarness.malformedTBX)
        try harness.write("pairs.tsv", "Open the file.\tÖffnen Sie die Datei.\n")
        try harness.write("text.txt", "Dr. Smith came home. He was tired!\nA new paragraph.\n")
        try harness.write("queries.txt", "The red house number 1 is open.\nNothing like this at all.\nSave the file.\n")
        try harness.write("phrases.txt", "red house\nfile\nnothing here\n")
        try harness.write("source.txt", "The house is red.\nThe file is open.\nIt is late.\n")
        try harness.write("target.txt", "Das Haus ist rot.\nDie Datei ist offen.\nEs ist spät.\n")
        try harness.write("target-fr.txt", "La maison est rouge.\nLe fichier est ouvert.\nIl est tard.\n")
        for database in ["tm.db", "plain.db"] {
            let imported = try harness.run(["import", "memory.tmx", "--db", database])
            #expect(imported.status == 0, "\(imported)")
        }
        let glossary = try harness.run(["glossary", "import", "glossary.tbx", "--db", "tm.db"])
        #expect(glossary.status == 0, "\(glossary)")
        return harness
    }

    static let align = ["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--sentences"]

    /// Every subcommand and mode that succeeds; each is run with `--json` added.
    static let successes: [[String]] = [
        ["import", "memory.tmx", "--db", "other.db"],
        ["import", "invalid-unit.tmx", "--skip-invalid", "--db", "other.db"],
        ["stats", "--db", "tm.db"],
        ["export", "out.tmx", "--db", "tm.db"],
        ["export", "out.tsv", "--db", "tm.db", "--source", "en", "--target", "de,fr"],
        ["export", "out.json", "--db", "tm.db"],
        ["export", "out.jsonl", "--db", "tm.db"],
        ["lookup", "The red house number 1 is open.", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["lookup", "--file", "queries.txt", "--source", "en", "--db", "tm.db"],
        ["lookup", "--file", "queries.txt", "--source", "en", "--db", "tm.db", "--format", "json"],
        ["concordance", "red house", "--lang", "en", "--db", "tm.db"],
        ["concordance", "file", "--pair", "en-fr", "--side", "source", "--db", "tm.db"],
        ["concordance", "--file", "phrases.txt", "--lang", "en", "--db", "tm.db"],
        ["glossary", "import", "glossary.tbx", "--name", "second", "--db", "tm.db"],
        ["glossary", "export", "glossary-out.csv", "--db", "tm.db"],
        ["glossary", "list", "--db", "tm.db"],
        ["term", "red house", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["terms-in", "Open the file in the red house.", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "tm.db"],
        ["segment", "text.txt", "--lang", "en"],
        align,
        align + ["--format", "json"],
        align + ["--format", "tsv", "-o", "aligned.tsv"],
        align + ["--format", "beads", "-o", "aligned.beads"],
        align + ["--format", "tmx", "-o", "aligned.tmx"],
        align + ["--store", "--db", "tm.db"],
        ["align", "source.txt", "target.txt", "target-fr.txt", "--source", "en", "--target", "de,fr", "--sentences", "--format", "json"],
    ]

    @Test(arguments: successes)
    func json_successPrintsExactlyOneDocument(arguments: [String]) throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        #expect(result.json is [String: Any] || result.json is [Any], "\(arguments): standard output is not one JSON document: \(result)")
    }

    /// The successes that print text on standard output without `--json`.
    static let textSuccesses = successes.filter { !$0.contains("json") && !$0.contains("-o") }

    @Test(arguments: textSuccesses)
    func text_successPrintsTextNotJSON(arguments: [String]) throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result)")
        #expect(!result.standardOutput.isEmpty, "\(arguments): nothing on standard output")
        #expect(!(result.json is [String: Any]) && !(result.json is [Any]), "\(arguments): text output parses as JSON: \(result)")
    }

    /// Every subcommand that fails (exit 1) or is misused (exit 2); each is run with `--json` added.
    static let failures: [(arguments: [String], status: Int32)] = [
        (["import", "malformed.tmx", "--db", "tm.db"], 1),
        (["import", "missing.tmx", "--db", "tm.db"], 1),
        (["stats", "--db", "missing.db"], 1),
        (["export", "out.tmx", "--db", "missing.db"], 1),
        (["export", "out.tsv", "--db", "missing.db"], 1),
        (["lookup", "a sentence", "--source", "en", "--db", "missing.db"], 1),
        (["lookup", "--file", "missing.txt", "--source", "en", "--db", "tm.db"], 1),
        (["lookup", "--file", "queries.txt", "--source", "en", "--db", "missing.db", "--format", "json"], 1),
        (["concordance", "house", "--lang", "en", "--db", "missing.db"], 1),
        (["concordance", "--file", "missing.txt", "--lang", "en", "--db", "tm.db"], 1),
        (["glossary", "import", "malformed.tbx", "--db", "tm.db"], 1),
        (["glossary", "list", "--db", "missing.db"], 1),
        (["glossary", "export", "g.csv", "--db", "missing.db"], 1),
        (["term", "house", "--source", "en", "--target", "de", "--db", "missing.db"], 1),
        (["terms-in", "a house", "--source", "en", "--target", "de", "--db", "missing.db"], 1),
        (["check", "--source", "en", "--target", "de", "--db", "missing.db"], 1),
        (["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "plain.db"], 1),
        (["segment", "missing.txt", "--lang", "en"], 1),
        (["align", "missing.txt", "target.txt", "--source", "en", "--target", "de"], 1),
        (["stats", "--bogus"], 2),
        (["lookup", "x", "--source", "??"], 2),
        (["lookup", "x", "--source", "en", "--format", "tsv"], 2),
        (["concordance", "x", "--lang", "en", "--side", "target"], 2),
        (["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--format", "tsv"], 2),
        (["export", "-", "--format", "tsv", "--db", "tm.db"], 2),
    ]

    @Test(arguments: failures)
    func json_failurePrintsExactlyOneDocument(arguments: [String], status: Int32) throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments + ["--json"])
        #expect(result.status == status, "\(arguments): \(result)")
        #expect(!result.errorLines.isEmpty, "\(arguments): no message on standard error")
        let object = result.jsonObject
        #expect(object != nil, "\(arguments): standard output is not one JSON object: \(result)")
        if let object, object["error"] != nil {
            #expect(object["error"] as? String == result.errorLines.last.map(String.init) || status == 2, "\(result)")
            #expect(object["status"] as? Int == Int(status), "\(result)")
        }
    }

    @Test func lookupBatch_jsonIsOneDocumentAndJSONLinesOnlyOnRequest() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let base = ["lookup", "--file", "queries.txt", "--source", "en", "--db", "tm.db"]
        let document = try harness.run(base + ["--json"])
        let results = try #require(document.jsonObject?["results"] as? [[String: Any]], "\(document)")
        #expect(results.compactMap { $0["line"] as? Int } == [1, 2, 3])
        let lines = try harness.run(base + ["--format", "jsonl"])
        #expect(lines.status == 0, "\(lines)")
        let records = lines.standardOutput.split(separator: "\n")
        #expect(records.count == 3, "\(lines)")
        for record in records {
            #expect((try? JSONSerialization.jsonObject(with: Data(record.utf8))) is [String: Any], "\(record)")
        }
    }

    @Test func lookupBatch_tsvHasAHeaderAndEveryRequestedMatch() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(
            ["lookup", "--file", "queries.txt", "--source", "en", "--target", "de", "--min", "50", "--max", "3", "--format", "tsv", "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        let rows = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.first == ["line", "rank", "score", "source_language", "target_language", "source", "target"], "\(result)")
        let first = rows.dropFirst().filter { $0.first == "1" }
        #expect(first.count == 3, "three matches asked for line 1: \(result)")
        #expect(first.map { $0[1] } == ["1", "2", "3"])
        #expect(first.allSatisfy { $0[3] == "en" && $0[4] == "de" }, "\(result)")
        #expect(rows.dropFirst().allSatisfy { $0.count == 7 }, "\(result)")
        let second = rows.dropFirst().filter { $0.first == "2" }
        #expect(second.count == 1 && second.first?[1] == "", "a line without a match keeps one empty row: \(result)")
    }

    @Test func exportTSV_multiTargetHasAHeaderAndLanguageColumns() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["export", "-", "--format", "tsv", "--source", "en", "--target", "de,fr", "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["source_language", "target_language", "source", "target"], "\(result)")
        #expect(rows.dropFirst().allSatisfy { $0.count == 4 && $0[0] == "en" }, "\(result)")
        #expect(Set(rows.dropFirst().map { $0[1] }) == ["de", "fr"], "\(result)")
        #expect(rows.contains(["en", "fr", "Save the file.", "Enregistrez le fichier."]), "\(result)")
    }

    @Test func import_skipInvalidListsEachSkippedUnit() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let text = try harness.run(["import", "invalid-unit.tmx", "--skip-invalid", "--db", "skip.db"])
        #expect(text.status == 0, "\(text)")
        #expect(text.standardOutput.contains("invalid-unit.tmx:6:1: "), "each skipped unit as FILE:LINE:COLUMN: reason: \(text)")
        let json = try harness.run(["import", "invalid-unit.tmx", "--skip-invalid", "--db", "skip2.db", "--json"])
        let files = try #require(json.jsonObject?["files"] as? [[String: Any]], "\(json)")
        let skipped = try #require(files.first?["skippedUnits"] as? [[String: Any]], "\(json)")
        #expect(skipped.count == 1)
        #expect(skipped.first?["line"] as? Int == 6 && skipped.first?["column"] as? Int == 1, "\(json)")
        #expect(skipped.first?["file"] as? String == "invalid-unit.tmx", "\(json)")
        #expect((skipped.first?["reason"] as? String)?.isEmpty == false, "\(json)")
        #expect(skipped.first?["tuid"] as? String == "bad", "\(json)")
    }

    @Test func check_withoutAGlossarySaysSo() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "plain.db"])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardError.contains("no glossary"), "\(result)")
    }

    /// Options that do nothing in the mode given are usage errors.
    static let idleOptions: [[String]] = [
        ["lookup", "x", "--source", "en", "--format", "tsv"],
        ["lookup", "x", "--source", "en", "--timings"],
        ["concordance", "x", "--lang", "en", "--side", "target"],
        ["concordance", "x", "--lang", "en", "--timings"],
        ["concordance", "x", "--lang", "en", "--pair", "en-de"],
        ["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--store", "--format", "beads"],
        ["align", "source.txt", "target.txt", "--source", "en", "--target", "de", "--format", "tsv", "--json"],
        ["export", "-", "--format", "tsv", "--json"],
    ]

    @Test(arguments: idleOptions)
    func idleOption_isAUsageError(arguments: [String]) throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments + ["--db", "tm.db"])
        #expect(result.status == 2, "\(arguments): \(result)")
        #expect(!result.standardError.isEmpty, "\(arguments): no message")
    }

    @Test func version_printsTheVersion() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let result = try harness.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count >= 2, "\(result)")
    }

    @Test func summaries_useSingularForOne() throws {
        let harness = try Self.populated()
        defer { harness.cleanUp() }
        try harness.write("one.tmx", EndToEndHarness.tmx(units: 1))
        let imported = try harness.run(["import", "one.tmx", "--db", "one.db"])
        let export = try harness.run(["export", "one.tsv", "--source", "en", "--target", "de", "--db", "one.db"])
        let check = try harness.run(["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "tm.db"])
        for result in [imported, export, check] {
            let text = result.standardOutput + result.standardError
            #expect(text.firstMatch(of: /\b1 [a-z]+s\b/) == nil, "\(text)")
        }
        #expect(export.standardOutput.contains("1 unit (1 pair)"), "\(export)")
    }
}
