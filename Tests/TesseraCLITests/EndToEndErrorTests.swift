import Foundation
import Testing

/// Runs the real `tessera` executable on bad command lines and bad files: exit 2 for usage
/// errors, 1 for failures, `FILE:LINE:COLUMN: message` lines for malformed files, database
/// resolution (`--db`, `$TESSERA_DB`, `./tessera.db`) and a failed import that changes nothing.
struct EndToEndErrorTests {
    /// A scratch directory with the sample files and `tm.db` holding the sample TMX.
    static func prepared() throws -> EndToEndHarness {
        let harness = try EndToEndHarness()
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try harness.write("malformed.tmx", EndToEndHarness.malformedTMX)
        try harness.write("glossary.tbx", EndToEndHarness.tbx)
        try harness.write("malformed.tbx", EndToEndHarness.malformedTBX)
        try harness.write("text.txt", "One. Two.\n")
        let imported = try harness.run(["import", "memory.tmx", "--db", "tm.db"])
        #expect(imported.status == 0, "\(imported)")
        return harness
    }

    static let usageErrors: [[String]] = [
        ["frobnicate"],
        ["stats", "--bogus"],
        ["import"],
        ["import", "memory.tmx", "--duplicates", "sometimes"],
        ["export", "out.tmx", "--level", "3"],
        ["export", "out.unknown"],
        ["lookup", "a sentence", "--source", "not a tag!"],
        ["lookup", "a sentence", "--source", "en", "--min", "500"],
        ["lookup", "--source", "en"],
        ["concordance", "x"],
        ["concordance", "x", "--pair", "en"],
        ["glossary", "import"],
        ["glossary", "export", "out.xlsx"],
        ["glossary", "frobnicate"],
        ["term", "x", "--source", "e n"],
        ["terms-in", "x", "--source", "en", "--target", "d e"],
        ["check", "--source", "en", "--target", "de,fr"],
        ["segment", "text.txt", "--lang", "??"],
        ["segment", "text.txt"],
        ["align", "text.txt", "text.txt", "--source", "??", "--target", "de"],
        ["align", "text.txt", "text.txt", "--source", "en", "--target", "de,fr"],
        ["align", "text.txt", "text.txt", "--source", "en", "--target", "de", "--min-confidence", "2"],
        ["stats", "--json", "extra"],
    ]

    @Test(arguments: usageErrors)
    func usageError_exitsTwoWithAMessage(arguments: [String]) throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result)")
        #expect(!result.standardError.isEmpty, "\(arguments): no message")
        if arguments.contains("--json") {
            #expect(result.jsonObject?["status"] as? Int == 2, "\(arguments): not the error document: \(result)")
        } else {
            #expect(result.standardOutput.isEmpty, "\(arguments): standard output is not empty: \(result)")
        }
    }

    static let failures: [[String]] = [
        ["import", "malformed.tmx", "--db", "tm.db"],
        ["import", "missing.tmx", "--db", "tm.db"],
        ["stats", "--db", "missing.db"],
        ["export", "out.tmx", "--db", "missing.db"],
        ["lookup", "a sentence", "--source", "en", "--db", "missing.db"],
        ["concordance", "house", "--lang", "en", "--db", "missing.db"],
        ["glossary", "import", "malformed.tbx", "--db", "tm.db"],
        ["glossary", "import", "missing.tbx", "--db", "tm.db"],
        ["glossary", "list", "--db", "missing.db"],
        ["glossary", "export", "g.csv", "--db", "missing.db"],
        ["term", "house", "--source", "en", "--target", "de", "--db", "missing.db"],
        ["terms-in", "a house", "--source", "en", "--target", "de", "--db", "missing.db"],
        ["check", "--source", "en", "--target", "de", "--db", "missing.db"],
        ["segment", "missing.txt", "--lang", "en"],
        ["segment", "text.txt", "--lang", "en", "--srx", "malformed.tbx"],
    ]

    @Test(arguments: failures)
    func failure_exitsOneWithOneLinePerError(arguments: [String]) throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        for json in [false, true] {
            let result = try harness.run(arguments + (json ? ["--json"] : []))
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(!result.errorLines.isEmpty, "\(arguments): no message on standard error")
            if json {
                // One JSON document (a report, or {"error": ..., "status": 1}), never text.
                #expect(result.json is [String: Any], "\(arguments) --json: \(result)")
            } else {
                #expect(result.json == nil || result.standardOutput.isEmpty, "\(arguments): \(result)")
            }
            #expect(!FileManager.default.fileExists(atPath: harness.path("missing.db")), "\(arguments) created the missing database")
        }
    }

    /// Regression: an unreadable or non-UTF-8 input made `align` exit 2 with the usage text.
    @Test(arguments: [["missing.txt", "text.txt"], ["text.txt", "missing.txt"], ["latin1.txt", "text.txt"]])
    func align_unreadableInputFileFails(files: [String]) throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        try Data([0x43, 0x61, 0x66, 0xE9, 0x2E, 0x0A]).write(to: URL(fileURLWithPath: harness.path("latin1.txt")))
        let result = try harness.run(["align"] + files + ["--source", "en", "--target", "de"])
        #expect(result.status == 1, "\(result)")
        #expect(result.errorLines.count == 1, "\(result)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(arguments: [0.1, 0.35, 0.5, 0.8, 0.97])
    func import_truncatedTMXFailsWithAPositionAndKeepsNothing(fraction: Double) throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        let bytes = Array(EndToEndHarness.tmx(units: 20).utf8)
        try Data(bytes.prefix(Int(Double(bytes.count) * fraction))).write(to: URL(fileURLWithPath: harness.path("cut.tmx")))
        let result = try harness.run(["import", "cut.tmx", "--db", "cut.db", "--json"])
        #expect(result.status == 1, "\(result)")
        let line = try #require(result.errorLines.first { $0.contains("cut.tmx:") }, "\(result)")
        let fields = line.split(separator: ":", maxSplits: 3)
        #expect(fields.count == 4 && Int(fields[1]) != nil && Int(fields[2]) != nil, "\(line)")
        let stats = try harness.run(["stats", "--db", "cut.db", "--json"])
        if stats.status == 0 { #expect(stats.jsonObject?["units"] as? Int == 0, "\(stats)") }
    }

    /// `FILE:LINE:COLUMN: message`, with the file and line given.
    static func expectPositionLine(_ result: EndToEndHarness.Result, file: String, line: Int) {
        let matching = result.errorLines.filter { $0.contains(file) }
        #expect(matching.count == 1, "one error line naming \(file): \(result)")
        guard let text = matching.first else { return }
        guard let start = text.firstRange(of: file) else { return }
        let fields = text[start.upperBound...].split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        #expect(fields.count == 4, "not FILE:LINE:COLUMN: message: \(text)")
        guard fields.count == 4 else { return }
        #expect(fields[0].isEmpty)
        #expect(Int(fields[1]) == line, "line in \(text)")
        #expect(Int(fields[2]).map { $0 >= 1 } ?? false, "column in \(text)")
        #expect(fields[3].hasPrefix(" ") && fields[3].count > 1, "message in \(text)")
    }

    @Test func import_malformedTMXGivesFileLineColumn() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        for json in [false, true] {
            let result = try harness.run(["import", "malformed.tmx", "--db", "tm.db"] + (json ? ["--json"] : []))
            #expect(result.status == 1)
            Self.expectPositionLine(result, file: "malformed.tmx", line: 6)
        }
    }

    @Test func glossaryImport_malformedTBXGivesFileLineColumn() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        let result = try harness.run(["glossary", "import", "malformed.tbx", "--db", "tm.db"])
        #expect(result.status == 1)
        Self.expectPositionLine(result, file: "malformed.tbx", line: 5)
    }

    @Test func import_failedFileLeavesTheDatabaseUnchanged() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        let before = try harness.run(["stats", "--db", "tm.db", "--json"])
        let beforeObject = try #require(before.jsonObject, "\(before)")
        let exportBefore = try harness.run(["export", "-", "--format", "tsv", "--db", "tm.db"])
        for arguments in [["malformed.tmx"], ["malformed.tmx", "--duplicates", "overwrite"], ["malformed.tmx", "--skip-invalid"]] {
            let failed = try harness.run(["import"] + arguments + ["--db", "tm.db"])
            #expect(failed.status == 1, "\(arguments): \(failed)")
            let after = try harness.run(["stats", "--db", "tm.db", "--json"])
            let afterObject = try #require(after.jsonObject, "\(after)")
            #expect(NSDictionary(dictionary: beforeObject).isEqual(to: afterObject), "\(arguments): stats changed:\n\(before.standardOutput)\n\(after.standardOutput)")
            let exportAfter = try harness.run(["export", "-", "--format", "tsv", "--db", "tm.db"])
            #expect(exportAfter.standardOutput == exportBefore.standardOutput, "\(arguments): units changed")
        }
    }

    @Test func glossaryImport_failedFileLeavesTheGlossariesUnchanged() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        try harness.write("good.csv", EndToEndHarness.csv)
        try harness.write("unterminated.csv", "en,de\n\"red house,rotes Haus\nfile,Datei\n")
        #expect(try harness.run(["glossary", "import", "glossary.tbx", "--name", "main", "--db", "tm.db"]).status == 0)
        let before = try harness.run(["glossary", "list", "--db", "tm.db", "--json"])
        #expect(before.json != nil, "\(before)")
        for files in [["malformed.tbx"], ["good.csv", "malformed.tbx"], ["unterminated.csv"]] {
            let failed = try harness.run(["glossary", "import"] + files + ["--name", "main", "--db", "tm.db"])
            #expect(failed.status == 1, "\(files): \(failed)")
            #expect(failed.errorLines.count == 1, "\(files): \(failed)")
            let after = try harness.run(["glossary", "list", "--db", "tm.db", "--json"])
            #expect(after.standardOutput == before.standardOutput, "\(files): the glossaries changed")
            let term = try harness.run(["term", "file", "--source", "en", "--target", "de", "--db", "tm.db", "--json"])
            #expect(term.standardOutput.contains("Datei"), "\(files): \(term)")
        }
    }

    @Test func segment_oddInputFilesSegmentWithoutFailing() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        let inputs: [String: [UInt8]] = [
            "empty.txt": [],
            "nul.txt": Array("One.\u{0} Two.\rThree? e\u{301}\u{05E9}\u{05DC}. 👩‍👩‍👧 End.".utf8),
            "long.txt": Array(String(repeating: "A long line without a stop ", count: 40_000).utf8),
            "utf16.txt": [0xFF, 0xFE] + Array("Hi. Yo.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        ]
        for (name, bytes) in inputs.sorted(by: { $0.key < $1.key }) {
            try Data(bytes).write(to: URL(fileURLWithPath: harness.path(name)))
            let result = try harness.run(["segment", name, "--lang", "en", "--json"])
            #expect(result.status == 0, "\(name): \(result)")
            let sentences = result.jsonObject?["sentences"] as? [[String: Any]]
            #expect(sentences != nil, "\(name): \(result)")
            if name == "empty.txt" { #expect(sentences?.isEmpty == true) }
            if name == "long.txt" { #expect(sentences?.count == 1) }
        }
        try Data([0x43, 0x61, 0x66, 0xE9]).write(to: URL(fileURLWithPath: harness.path("latin1.txt")))
        let latin1 = try harness.run(["segment", "latin1.txt", "--lang", "en"])
        #expect(latin1.status == 1 && latin1.errorLines.count == 1, "\(latin1)")
    }

    @Test func import_goodAndBadFilesKeepsOnlyTheGoodOne() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        try harness.write("more.tmx", EndToEndHarness.tmx(units: 6))
        let result = try harness.run(["import", "malformed.tmx", "more.tmx", "--db", "fresh.db"])
        #expect(result.status == 1, "\(result)")
        let stats = try harness.run(["stats", "--db", "fresh.db", "--json"])
        #expect(stats.jsonObject?["units"] as? Int == 7, "\(stats)")
    }

    @Test func database_optionEnvironmentAndDefaultResolve() throws {
        let harness = try Self.prepared()
        defer { harness.cleanUp() }
        // Default: ./tessera.db in the working directory.
        #expect(try harness.run(["import", "memory.tmx"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: harness.path("tessera.db")))
        // $TESSERA_DB beats the default.
        let environment = ["TESSERA_DB": harness.path("env.db")]
        #expect(try harness.run(["import", "memory.tmx"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: harness.path("env.db")))
        // --db beats $TESSERA_DB.
        #expect(try harness.run(["import", "memory.tmx", "--db", "option.db"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: harness.path("option.db")))
        // Each now holds exactly one import.
        for (arguments, env) in [(["stats"], [:]), (["stats"], environment), (["stats", "--db", "option.db"], environment)] {
            let stats = try harness.run(arguments + ["--json"], environment: env)
            #expect(stats.jsonObject?["units"] as? Int == 4, "\(arguments) \(env): \(stats)")
        }
        // Reading through $TESSERA_DB while it is missing fails instead of using ./tessera.db.
        let missing = try harness.run(["stats"], environment: ["TESSERA_DB": harness.path("gone.db")])
        #expect(missing.status == 1, "\(missing)")
    }
}
