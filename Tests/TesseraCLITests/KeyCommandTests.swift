import Foundation
import Testing
import TesseraKit

/// `tessera key create` makes keys through Kit's ``APIKeys``: the key it prints verifies through
/// Kit (as the server checks it) with the scope and memory asked for.
struct KeyCommandTests {
    @Test(arguments: [("read", nil), ("write", "default"), ("admin", nil)] as [(String, String?)])
    func create_printsAKeyThatKitVerifies(scope: String, memory: String?) throws {
        let harness = try EndToEndHarness()
        let result = try harness.run(["key", "create", "--scope", scope, "--db", harness.path("tm.db")] + (memory.map { ["--memory", $0] } ?? []))
        #expect(result.status == 0, "\(result)")
        let key = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = try #require(try APIKeys(location: .sqlite(path: harness.path("tm.db"))).verify(key))
        #expect(record.scope.rawValue == scope && record.memory == memory)
    }

    @Test func create_refusesAnUnknownScope() throws {
        let harness = try EndToEndHarness()
        let result = try harness.run(["key", "create", "--scope", "root", "--db", harness.path("tm.db")])
        #expect(result.status == 2, "\(result)")
    }

    @Test func create_json_printsTheKeyWithItsScopeAndMemory() throws {
        let harness = try EndToEndHarness()
        let result = try harness.run(["key", "create", "--scope", "write", "--memory", "Legal", "--json", "--db", harness.path("tm.db")])
        #expect(result.status == 0, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let key = try #require(document["key"] as? String)
        #expect(document["scope"] as? String == "write" && document["memory"] as? String == "legal")
        #expect((document["prefix"] as? String).map { key.hasPrefix($0) } == true)
        #expect(try APIKeys(location: .sqlite(path: harness.path("tm.db"))).verify(key)?.scope == .write)
    }

    @Test func listAndRevoke() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try Self.createListRevoke(harness, db: ["--db", harness.path("tm.db")])
    }

    /// `key create`, `key list` (text and JSON, never the key or its hash), `key revoke` (twice:
    /// the second is one error line) on the store `db` names; the PostgreSQL suite runs it too.
    static func createListRevoke(_ harness: EndToEndHarness, db: [String]) throws {
        let created = try harness.run(["key", "create", "--scope", "admin", "--memory", "legal", "--json"] + db)
        #expect(created.status == 0, "\(created)")
        let key = try #require(created.jsonObject?["key"] as? String, "\(created)")
        let prefix = try #require(created.jsonObject?["prefix"] as? String)
        let list = try harness.run(["key", "list", "--json"] + db)
        let keys = try #require(list.json as? [[String: Any]], "\(list)")
        #expect(keys.count == 1 && keys.first?["prefix"] as? String == prefix, "\(list)")
        #expect(keys.first?["scope"] as? String == "admin" && keys.first?["memory"] as? String == "legal", "\(list)")
        #expect(!list.standardOutput.contains(key) && keys.first?["hash"] == nil, "\(list)")
        let id = try #require(keys.first?["id"] as? Int)
        let text = try harness.run(["key", "list"] + db)
        #expect(text.standardOutput == "\(id)\t\(prefix)\tadmin\tlegal\t\(keys.first?["created"] as? String ?? "")\n", "\(text)")
        let revoked = try harness.run(["key", "revoke", "\(id)"] + db)
        #expect(revoked.status == 0, "\(revoked)")
        #expect(try harness.run(["key", "list", "--json"] + db).json as? [Any] != nil)
        #expect((try harness.run(["key", "list", "--json"] + db).json as? [Any])?.isEmpty == true)
        let again = try harness.run(["key", "revoke", "\(id)"] + db)
        #expect(again.status == 1 && again.errorLines.count == 1 && again.standardError.contains("No API key with id \(id)"), "\(again)")
    }
}
