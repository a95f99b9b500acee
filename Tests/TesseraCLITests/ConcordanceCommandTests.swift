import Foundation
import Testing

/// `tessera concordance` text output: a line says when the hits were cut at `--max`.
struct ConcordanceCommandTests {
    @Test(arguments: [(1, "showing 1 of 3 (--max 1)" as String?), (2, "showing 2 of 3 (--max 2)"), (3, nil), (20, nil)])
    func run_saysHowManyOfTheTotalItShows(maximum: Int, expected: String?) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("memory.tmx", EndToEndHarness.tmx(units: 3))
        #expect(try harness.run(["import", "memory.tmx", "--db", "tm.db"]).status == 0)
        let result = try harness.run(["concordance", "red houses", "--lang", "en", "--max", "\(maximum)", "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("[en]") }.count == min(maximum, 3))
        #expect(lines.last.map(String.init) == expected ?? lines.last.map(String.init))
        #expect(lines.contains { $0.hasPrefix("showing") } == (expected != nil))
    }
}
