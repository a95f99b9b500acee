import Foundation
import Testing
import TesseraTestSupport

/// The real `tessera` executable on a PostgreSQL store (`--db URL` and `TESSERA_DB=URL`), each
/// test in a fresh schema of the test server; and the errors of a bad URL and of a server that is
/// down (one line, exit 1, the password hidden, no stack trace).
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresEndToEndTests {
    /// A harness with the sample glossary, TMX and CSV, and a fresh schema's URL.
    static func prepared() throws -> (EndToEndHarness, String) {
        let harness = try EndToEndHarness()
        try harness.write("glossary.tbx", EndToEndHarness.tbx)
        try harness.write("memory.tmx", EndToEndHarness.tmx())
        try harness.write("malformed.tbx", EndToEndHarness.malformedTBX)
        return (harness, try #require(PostgresTestServer.freshURL("cli")))
    }

    @Test func glossary_importListExportAndTermLookup() throws {
        let (harness, url) = try Self.prepared()
        defer { harness.cleanUp() }
        let db = ["--db", url]
        let missing = try harness.run(["glossary", "list"] + db)
        #expect(missing.status == 1 && missing.errorLines.count == 1 && missing.standardError.contains("No database"), "\(missing)")

        let imported = try harness.run(["glossary", "import", "glossary.tbx", "--name", "main"] + db)
        #expect(imported.status == 0, "\(imported)")
        let list = try harness.run(["glossary", "list", "--json"] + db)
        let glossaries = try #require(list.json as? [[String: Any]], "\(list)")
        #expect(glossaries.map { $0["name"] as? String } == ["main"] && glossaries.first?["concepts"] as? Int == 2, "\(list)")
        // TESSERA_DB names the same store.
        let viaEnvironment = try harness.run(["glossary", "list", "--json"], environment: ["TESSERA_DB": url])
        #expect(viaEnvironment.standardOutput == list.standardOutput, "\(viaEnvironment)")

        let term = try harness.run(["term", "red houses", "--source", "en", "--target", "de", "--json"] + db)
        #expect(term.status == 0 && term.standardOutput.contains("rotes Haus"), "\(term)")
        let export = try harness.run(["glossary", "export", "-", "--tbx-version", "3"] + db)
        #expect(export.status == 0 && export.standardOutput.contains("rotes Haus") && export.standardOutput.contains("Datei"), "\(export)")

        // A failed import changes nothing.
        let failed = try harness.run(["glossary", "import", "malformed.tbx", "--name", "main"] + db)
        #expect(failed.status == 1 && failed.errorLines.count == 1, "\(failed)")
        #expect(try harness.run(["glossary", "list", "--json"] + db).standardOutput == list.standardOutput)
    }

    @Test func key_createListRevoke() throws {
        let (harness, url) = try Self.prepared()
        defer { harness.cleanUp() }
        try KeyCommandTests.createListRevoke(harness, db: ["--db", url])
        let viaEnvironment = try harness.run(["key", "list", "--json"], environment: ["TESSERA_DB": url])
        #expect(viaEnvironment.status == 0 && viaEnvironment.json as? [Any] != nil, "\(viaEnvironment)")
    }

    @Test func memory_createAndDeleteASchema() throws {
        let (harness, url) = try Self.prepared()
        defer { harness.cleanUp() }
        let db = ["--db", url]
        let created = try harness.run(["memory", "create", "Legal", "--json"] + db)
        #expect(created.status == 0 && created.jsonObject?["name"] as? String == "legal", "\(created)")
        #expect(!created.standardOutput.contains("secret"))
        let twice = try harness.run(["memory", "create", "legal"] + db)
        #expect(twice.status == 1 && twice.errorLines.count == 1 && twice.standardError.contains("exists"), "\(twice)")
        let deleted = try harness.run(["memory", "delete", "legal", "--json"] + db)
        #expect(deleted.status == 0 && deleted.jsonObject?["deleted"] as? String == "legal", "\(deleted)")
        let again = try harness.run(["memory", "delete", "legal"] + db)
        #expect(again.status == 1 && again.standardError.contains("No memory 'legal'"), "\(again)")
    }

    /// A first import that fails leaves no schema behind (as a failed first import into a new
    /// SQLite file leaves no file): the store is as it was, missing.
    @Test func failedFirstImport_leavesNoSchema() throws {
        let (harness, url) = try Self.prepared()
        defer { harness.cleanUp() }
        let db = ["--db", url]
        try harness.write("broken.tmx", "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>")
        let failed = try harness.run(["import", "broken.tmx"] + db)
        #expect(failed.status == 1, "\(failed)")
        let stats = try harness.run(["stats"] + db)
        #expect(stats.status == 1 && stats.standardError.contains("No translation memory"), "\(stats)")
        // A store that holds something is never dropped by a failed import.
        #expect(try harness.run(["import", "memory.tmx"] + db).status == 0)
        #expect(try harness.run(["import", "broken.tmx"] + db).status == 1)
        #expect(try harness.run(["stats", "--json"] + db).jsonObject?["units"] as? Int == 4)
    }

    /// Import, lookup, concordance, export, stats and memory list on PostgreSQL.
    @Test func memory_importLookupConcordanceExportStats() throws {
        let (harness, url) = try Self.prepared()
        defer { harness.cleanUp() }
        let db = ["--db", url]
        let imported = try harness.run(["import", "memory.tmx"] + db)
        #expect(imported.status == 0, "\(imported)")
        #expect(try harness.run(["stats", "--json"] + db).jsonObject?["units"] as? Int == 4)
        let lookup = try harness.run(["lookup", "The red house number 1 is open.", "--source", "en", "--target", "de", "--json"] + db)
        let matches = try #require(lookup.json as? [[String: Any]], "\(lookup)")
        #expect(matches.first?["score"] as? Int == 100)
        let concordance = try harness.run(["concordance", "red house", "--lang", "en", "--json"] + db)
        #expect(concordance.status == 0 && concordance.standardOutput.contains("rote Haus"), "\(concordance)")
        let export = try harness.run(["export", harness.path("out.tmx")] + db)
        #expect(export.status == 0, "\(export)")
        #expect(try String(contentsOfFile: harness.path("out.tmx"), encoding: .utf8).contains("Nummer 2"))
        let memories = try harness.run(["memory", "list", "--json"] + db)
        #expect(memories.status == 0, "\(memories)")
    }

    @Test(arguments: [
        "postgres://tm:secret@localhost:99999/db", "postgres://tm:secret@localhost/db?schema=Bad-Name",
        "postgres://tm:secret@localhost/db?colour=red", "postgres://tm:secret@localhost/db?sslmode=require",
    ])
    func badURL_oneLineWithoutThePassword(url: String) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        for arguments in [["glossary", "list", "--db", url], ["key", "create", "--scope", "read", "--db", url]] {
            let result = try harness.run(arguments)
            #expect(result.status == 1 && result.errorLines.count == 1, "\(result)")
            #expect(result.standardError.contains("Bad PostgreSQL URL") && !result.standardError.contains("secret"), "\(result)")
        }
        let viaEnvironment = try harness.run(["glossary", "list"], environment: ["TESSERA_DB": url])
        #expect(viaEnvironment.status == 1 && viaEnvironment.errorLines.count == 1 && !viaEnvironment.standardError.contains("secret"))
    }

    @Test(arguments: [["glossary", "list"], ["key", "list"], ["term", "file", "--source", "en", "--target", "de"], ["memory", "create", "x"]])
    func serverDown_oneClearLine(arguments: [String]) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        // Nothing listens on port 1.
        let result = try harness.run(arguments + ["--db", "postgres://tm:secret@127.0.0.1:1/db"])
        #expect(result.status == 1 && result.errorLines.count == 1, "\(result)")
        #expect(result.standardError.contains("Cannot reach PostgreSQL at postgres://tm@127.0.0.1:1/db"), "\(result)")
        #expect(!result.standardError.contains("secret") && !result.standardError.contains("Fatal error"), "\(result)")
    }
}
