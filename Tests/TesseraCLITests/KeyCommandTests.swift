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
}
