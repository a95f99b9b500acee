import Foundation
import Testing

/// `tessera memory create|list|delete` and `--memory` on the unit commands, run as a user would.
struct MemoryCommandTests {
    /// A TMX file with one en/de pair.
    static func tmx(_ harness: EndToEndHarness, _ name: String, _ source: String, _ target: String) throws -> String {
        try harness.write(
            name,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
            <tu><tuv xml:lang="en"><seg>\(source)</seg></tuv><tuv xml:lang="de"><seg>\(target)</seg></tuv></tu>
            </body></tmx>
            """)
    }

    @Test func createListDeleteAndLookupOverMemories() throws {
        let harness = try EndToEndHarness()
        let db = ["--db", harness.path("tm.db")]
        let main = try Self.tmx(harness, "main.tmx", "Open the settings window and save the files", "main near")
        let legacy = try Self.tmx(harness, "legacy.tmx", "Open the settings window and save the file", "legacy exact")
        #expect(try harness.run(["import", main] + db).status == 0)

        let created = try harness.run(["memory", "create", "Legacy", "--json"] + db)
        #expect(created.status == 0, "\(created)")
        #expect(created.jsonObject?["name"] as? String == "legacy")
        #expect(FileManager.default.fileExists(atPath: harness.path("tm.memories/legacy.db")))
        let twice = try harness.run(["memory", "create", "legacy"] + db)
        #expect(twice.status == 1 && twice.errorLines.count == 1 && twice.standardError.contains("exists"), "\(twice)")

        #expect(try harness.run(["import", legacy, "--memory", "legacy"] + db).status == 0)
        let list = try harness.run(["memory", "list", "--json"] + db)
        let memories = try #require(list.jsonObject?["memories"] as? [[String: Any]])
        #expect(memories.map { $0["name"] as? String } == ["default", "legacy"])
        #expect(memories.map { $0["units"] as? Int } == [1, 1])
        #expect(try harness.run(["memory", "list"] + db).standardOutput.contains("legacy: 1 unit"))

        let query = ["lookup", "Open the settings window and save the file", "--source", "en", "--target", "de", "--json"] + db
        let both = try harness.run(query + ["--memory", "default,legacy"])
        let matches = try #require(both.json as? [[String: Any]], "\(both)")
        #expect(matches.first?["memory"] as? String == "legacy" && matches.first?["score"] as? Int == 100)
        let penalised = try #require(try harness.run(query + ["--memory", "default,legacy:30"]).json as? [[String: Any]])
        #expect(penalised.first?["memory"] as? String == "default")
        let text = try harness.run(Array(query.dropLast(3)) + db + ["--memory", "legacy:2"])
        #expect(text.standardOutput.contains("98%") && text.standardOutput.contains("memory legacy -2"), "\(text)")
        #expect(try harness.run(["stats", "--memory", "legacy", "--json"] + db).jsonObject?["units"] as? Int == 1)
        let concordance = try harness.run(["concordance", "settings", "--lang", "en", "--memory", "legacy", "--json"] + db)
        #expect(concordance.standardOutput.contains("legacy exact") && !concordance.standardOutput.contains("main near"))
        let export = try harness.run(["export", harness.path("legacy.tsv"), "--memory", "legacy"] + db)
        #expect(export.status == 0)
        #expect(try String(contentsOfFile: harness.path("legacy.tsv"), encoding: .utf8).contains("legacy exact"))

        let deleted = try harness.run(["memory", "delete", "legacy", "--json"] + db)
        #expect(deleted.status == 0 && deleted.jsonObject?["deleted"] as? String == "legacy")
        let remaining = try FileManager.default.contentsOfDirectory(atPath: harness.path("tm.memories"))
        #expect(remaining.isEmpty, "\(remaining)")
        let gone = try harness.run(query + ["--memory", "legacy"])
        #expect(gone.status == 1 && gone.standardError.contains("No memory 'legacy'"), "\(gone)")
        #expect((gone.jsonObject?["error"] as? String)?.contains("legacy") == true)
        let importGone = try harness.run(["import", legacy, "--memory", "legacy"] + db)
        #expect(importGone.status == 1 && importGone.errorLines.count == 1, "\(importGone)")
    }

    @Test(arguments: [
        ["memory", "create", "a b"], ["memory", "delete", "../x"], ["stats", "--memory", "a.b"], ["lookup", "x", "--source", "en", "--memory", "a:200"],
        ["lookup", "x", "--source", "en", "--memory", "a,a"], ["memory", "create"],
    ])
    func badNamesAreUsageErrors(arguments: [String]) throws {
        let harness = try EndToEndHarness()
        let result = try harness.run(arguments + ["--db", harness.path("tm.db")])
        #expect(result.status == 2, "\(result)")
    }

    @Test func defaultCannotBeDeleted() throws {
        let harness = try EndToEndHarness()
        let db = ["--db", harness.path("tm.db")]
        #expect(try harness.run(["import", try Self.tmx(harness, "a.tmx", "Hello there", "Hallo")] + db).status == 0)
        let result = try harness.run(["memory", "delete", "default", "--json"] + db)
        #expect(result.status == 1 && result.errorLines.count == 1, "\(result)")
        #expect(result.jsonObject?["status"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: harness.path("tm.db")))
    }
}
