import ArgumentParser
import Testing
@testable import tessera

struct StatsCommandTests {
    @Test func parse_readsDatabaseAndJSON() throws {
        let command = try StatsCommand.parse(["--db", "tm.db", "--json"])
        #expect(command.database.path == "tm.db")
        #expect(command.output.json)
    }

    @Test func parse_usesEnvironmentWhenNoOption() throws {
        let command = try StatsCommand.parse([])
        #expect(command.database.path == nil)
        #expect(!command.output.json)
    }

    @Test func tessera_listsTheSubcommands() {
        let names = Tessera.configuration.subcommands.map { $0.configuration.commandName }
        for name in ["import", "export", "stats"] { #expect(names.contains(name)) }
    }
}
