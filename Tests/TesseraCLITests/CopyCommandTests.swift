import Foundation
import Testing
import TesseraKit
import TesseraTestSupport

/// `tessera copy --from A --to B`, run as a user would: the copy exports byte-identical TMX, keeps
/// unit ids, stats, named memories, glossaries and API keys, and copies again from the copy; a
/// target that is not empty, a missing source and the same store twice are refused.
struct CopyCommandTests {
    /// What must come out the same from a store and its copy: the TMX and JSONL exports (ids
    /// included), `stats --json`, the named memory's JSONL, the glossary export and the key list.
    static func reads(_ harness: EndToEndHarness, _ db: String) throws -> [String] {
        let name = URL(fileURLWithPath: db).deletingPathExtension().lastPathComponent
        var outputs: [String] = []
        for (file, extra) in [("\(name).tmx", [String]()), ("\(name).jsonl", ["--format", "jsonl"]), ("\(name)-legal.jsonl", ["--format", "jsonl", "--memory", "legal"])] {
            let export = try harness.run(["export", harness.path(file), "--db", db] + extra)
            #expect(export.status == 0, "\(export)")
            outputs.append(try String(contentsOfFile: harness.path(file), encoding: .utf8))
        }
        let glossary = try harness.run(["glossary", "export", harness.path("\(name).tbx"), "--db", db])
        #expect(glossary.status == 0, "\(glossary)")
        outputs.append(try String(contentsOfFile: harness.path("\(name).tbx"), encoding: .utf8))
        for command in [["stats", "--json"], ["stats", "--json", "--memory", "legal"], ["glossary", "list", "--json"]] {
            let result = try harness.run(command + ["--db", db])
            #expect(result.status == 0, "\(result)")
            outputs.append(result.standardOutput)
        }
        let keys = try APIKeys(location: .sqlite(path: db)).all()
        outputs.append(keys.map { "\($0.id ?? 0) \($0.prefix) \($0.hash) \($0.scope) \($0.memory ?? "-") \($0.created ?? "-")" }.joined(separator: "\n"))
        return outputs
    }

    @Test func copy_AtoBtoC_exportsIdenticallyAndKeepsIDs() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let (a, b, c) = (harness.path("a.db"), harness.path("b.db"), harness.path("c.db"))
        let tmx = SharedData.packageRoot.appendingPathComponent("TMX/seed-article.en-de-fr-tr.tmx").path
        let tbx = SharedData.packageRoot.appendingPathComponent("Glossaries/defence.tbx").path
        #expect(try harness.run(["import", tmx, "--db", a]).status == 0)
        #expect(try harness.run(["glossary", "import", tbx, "--db", a]).status == 0)
        #expect(try harness.run(["memory", "create", "legal", "--db", a]).status == 0)
        #expect(try harness.run(["import", harness.write("legal.tmx", EndToEndHarness.tmx(units: 4)), "--memory", "legal", "--db", a]).status == 0)
        #expect(try harness.run(["key", "create", "--scope", "write", "--memory", "legal", "--db", a]).status == 0)

        let copied = try harness.run(["copy", "--from", a, "--to", b, "--json"])
        #expect(copied.status == 0, "\(copied)")
        let memories = try #require(copied.jsonObject?["memories"] as? [[String: Any]])
        #expect(memories.map { $0["name"] as? String } == ["default", "legal"])
        let legal = try Stats(database: .sqlite(path: harness.path("a.memories/legal.db"))).run().units
        #expect(memories.map { $0["units"] as? Int } == [(try Stats(database: .sqlite(path: a)).run().units), legal] && legal > 0)
        #expect((copied.jsonObject?["glossaries"] as? [Any])?.count == 1 && copied.jsonObject?["apiKeys"] as? Int == 1)

        let original = try Self.reads(harness, a)
        #expect(original[0].contains("<tu") && original[1].contains("\"id\":"))
        #expect(try Self.reads(harness, b) == original)

        let again = try harness.run(["copy", "--from", b, "--to", c])
        #expect(again.status == 0, "\(again)")
        #expect(again.standardOutput.contains("memory legal: \(legal) units"), "\(again)")
        #expect(try Self.reads(harness, c) == original)
    }

    /// A target holding anything is refused with one error line and exit status 1, and keeps
    /// what it held.
    @Test(arguments: [["import", "TMX"], ["glossary", "import", "TBX"], ["memory", "create", "legal"], ["key", "create", "--scope", "read"]])
    func copy_intoATargetThatIsNotEmpty_isRefused(filling: [String]) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let (a, b) = (harness.path("a.db"), harness.path("b.db"))
        let files = [
            "TMX": SharedData.packageRoot.appendingPathComponent("TMX/seed-article.en-de-fr-tr.tmx").path,
            "TBX": SharedData.packageRoot.appendingPathComponent("Glossaries/defence.tbx").path,
        ]
        #expect(try harness.run(["import", try #require(files["TMX"]), "--db", a]).status == 0)
        let fill = try harness.run(filling.map { files[$0] ?? $0 } + ["--db", b])
        #expect(fill.status == 0, "\(fill)")
        let before = try harness.run(["stats", "--json", "--db", b]).standardOutput

        let refused = try harness.run(["copy", "--from", a, "--to", b])
        #expect(refused.status == 1 && refused.errorLines.count == 1, "\(refused)")
        #expect(refused.standardError.contains("already holds") && refused.standardOutput.isEmpty, "\(refused)")
        let json = try harness.run(["copy", "--from", a, "--to", b, "--json"])
        #expect(json.status == 1 && json.jsonObject?["status"] as? Int == 1, "\(json)")
        #expect(try harness.run(["stats", "--json", "--db", b]).standardOutput == before)
    }

    @Test(arguments: [
        (["--from", "missing.db", "--to", "b.db"], 1, "No database at"),
        (["--from", "a.db", "--to", "a.db"], 1, "same store"),
        (["--from", "a.db", "--to", "./sub/../a.db"], 1, "same store"),
        (["--from", "a.db"], 2, "--to"),
    ])
    func copy_refusesAMissingSourceTheSameStoreAndAMissingOption(arguments: [String], status: Int32, message: String) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try FileManager.default.createDirectory(atPath: harness.path("sub"), withIntermediateDirectories: true)
        #expect(try harness.run(["import", harness.write("a.tmx", EndToEndHarness.tmx()), "--db", harness.path("a.db")]).status == 0)
        let result = try harness.run(["copy"] + arguments.map { $0.hasSuffix(".db") ? harness.path($0) : $0 })
        #expect(result.status == status && result.standardError.contains(message), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: harness.path("b.db")))
    }
}
