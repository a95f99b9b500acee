import Foundation
import Testing
import TesseraTestSupport

/// Runs the real `tessera` executable on the files a user may hand over by mistake or in another
/// packaging: zipped TMX, bzip2, TSV, a missing file, a truncated gzip, a database that is not
/// one; and on exports to `.tmx.gz` and to a language no unit has.
struct EndToEndFileTests {
    static let refused: [(file: String, message: String)] = [
        ("memory.tmx.bz2", "memory.tmx.bz2: this is a bzip2-compressed file, not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip): decompress it first (bunzip2 -k FILE)"),
        ("glossary.tsv", "glossary.tsv: this is tab-separated text (TSV), not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip)"),
        ("missing.tmx", "missing.tmx: no such file"),
    ]

    @Test(arguments: refused)
    func import_saysWhatTheFileIsAndCreatesNoDatabase(file: String, message: String) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try harness.write("glossary.tsv", "en\tde\nred house\trotes Haus\n")
        if file.hasSuffix(".bz2") { try SystemTool.run("bzip2", ["-k", "memory.tmx"], in: harness.directory) }
        for json in [false, true] {
            let result = try harness.run(["import", file, "--db", "tm.db"] + (json ? ["--json"] : []))
            #expect(result.status == 1, "\(result)")
            #expect(result.errorLines.filter { !$0.allSatisfy(\.isWhitespace) } == [Substring(message)], "\(result)")
            #expect(!FileManager.default.fileExists(atPath: harness.path("tm.db")), "a failed import created tm.db")
        }
    }

    @Test
    func import_readsAZippedTMXLikeOmegaTWritesIt() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("project_save.tmx", EndToEndHarness.tmx(units: 5))
        try SystemTool.run("zip", ["-q", "-fd", "project_save.tmx.zip", "project_save.tmx"], in: harness.directory)
        let result = try harness.run(["import", "project_save.tmx.zip", "--db", "tm.db", "--json"])
        #expect(result.status == 0, "\(result)")
        let stats = try harness.run(["stats", "--db", "tm.db", "--json"])
        #expect(stats.jsonObject?["units"] as? Int == 6, "\(stats)")
    }

    @Test
    func import_truncatedGzipSaysSoAndKeepsNothing() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("small.tmx", EndToEndHarness.tmx(units: 2))
        #expect(try harness.run(["import", "small.tmx", "--db", "tm.db"]).status == 0)
        try harness.write("big.tmx", EndToEndHarness.tmx(units: 4000))
        try SystemTool.run("gzip", ["big.tmx"], in: harness.directory)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.path("big.tmx.gz")))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: harness.path("cut.tmx.gz")))
        let result = try harness.run(["import", "cut.tmx.gz", "--db", "tm.db"])
        #expect(result.status == 1)
        let line = try #require(result.errorLines.first { $0.hasPrefix("cut.tmx.gz:") }, "\(result)")
        #expect(line.wholeMatch(of: #/cut\.tmx\.gz: the gzip data ends early \(after \d+ units\)/#) != nil, "\(line)")
        let stats = try harness.run(["stats", "--db", "tm.db", "--json"])
        #expect(stats.jsonObject?["units"] as? Int == 3, "\(stats)")
    }

    @Test(arguments: ["stats", "import", "export"])
    func database_thatIsNotOneGivesOneLineWithoutSQL(command: String) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
            .write(to: URL(fileURLWithPath: harness.path("tessera.db")))
        let arguments: [String] =
            switch command {
            case "import": ["import", "memory.tmx"]
            case "export": ["export", "out.tmx"]
            default: ["stats"]
            }
        let result = try harness.run(arguments)
        #expect(result.status == 1)
        #expect(result.errorLines.last?.hasSuffix("tessera.db: not a Tessera database (file is not a database)") == true, "\(result)")
        #expect(!result.standardError.contains("SQL"), "\(result)")
    }

    @Test
    func export_gzipByNameReimportsTheSameUnits() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("memory.tmx", EndToEndHarness.tmx(units: 20))
        #expect(try harness.run(["import", "memory.tmx", "--db", "a.db"]).status == 0)
        let export = try harness.run(["export", "out.tmx.gz", "--db", "a.db"])
        #expect(export.status == 0, "\(export)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.path("out.tmx.gz")))
        #expect(bytes.prefix(2) == Data([0x1F, 0x8B]))
        #expect(try harness.run(["import", "out.tmx.gz", "--db", "b.db"]).status == 0)
        let first = try harness.run(["export", "-", "--db", "a.db"])
        let second = try harness.run(["export", "-", "--db", "b.db"])
        #expect(first.standardOutput == second.standardOutput && !first.standardOutput.isEmpty)
    }

    @Test
    func export_ofALanguageNoUnitHasWarns() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        #expect(try harness.run(["import", "memory.tmx"]).status == 0)
        let text = try harness.run(["export", "out.tmx", "--source", "zz"])
        #expect(text.status == 0)
        #expect(text.errorLines.contains("warning: 0 units written: no unit has the source language zz."), "\(text)")
        let json = try harness.run(["export", "out.tmx", "--source", "zz", "--json"])
        #expect(json.jsonObject?["units"] as? Int == 0)
        #expect(json.jsonObject?["warnings"] as? [String] == ["0 units written: no unit has the source language zz."], "\(json)")
    }
}
