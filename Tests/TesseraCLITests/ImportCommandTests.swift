import ArgumentParser
import Testing
@testable import tessera

struct ImportCommandTests {
    @Test func parse_readsFilesAndOptions() throws {
        let command = try ImportCommand.parse(["a.tmx", "b.tmx.gz", "--db", "/tmp/x.db", "--duplicates", "keep-existing", "--skip-invalid", "--json"])
        #expect(command.files == ["a.tmx", "b.tmx.gz"])
        #expect(command.database.path == "/tmp/x.db")
        #expect(command.database.location == .sqlite(path: "/tmp/x.db"))
        #expect(command.duplicates == .keepExisting)
        #expect(command.skipInvalid)
        #expect(command.output.json)
    }

    @Test func parse_defaultsToKeepNewest() throws {
        let command = try ImportCommand.parse(["a.tmx"])
        #expect(command.duplicates == .keepNewest)
        #expect(command.duplicates.policy == .keepNewest)
        #expect(!command.skipInvalid)
        #expect(!command.output.json)
    }

    @Test(arguments: [
        ("add", DuplicatesOption.add), ("overwrite", .overwrite), ("keep-existing", .keepExisting), ("keep-newest", .keepNewest),
    ])
    func parse_acceptsEveryDuplicatePolicy(_ text: String, _ expected: DuplicatesOption) throws {
        #expect(try ImportCommand.parse(["a.tmx", "--duplicates", text]).duplicates == expected)
    }

    @Test(arguments: [[String](), ["a.tmx", "--duplicates", "newest"], ["a.tmx", "--bogus"]])
    func parse_rejectsBadCommandLinesWithUsageStatus(_ arguments: [String]) {
        do {
            _ = try ImportCommand.parse(arguments)
            Issue.record("parsed \(arguments)")
        } catch {
            #expect(ImportCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
