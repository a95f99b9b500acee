import ArgumentParser
import Testing
import TesseraCore
@testable import tessera

/// Parses the glossary, term, terms-in and check command lines without running them.
struct GlossaryCommandTests {
    @Test func parse_glossaryImportWithNameAndDatabase() throws {
        let command = try #require(try Tessera.parseAsRoot(["glossary", "import", "a.tbx", "b.csv", "--name", "defence", "--db", "x.db"]) as? GlossaryImportCommand)
        #expect(command.files == ["a.tbx", "b.csv"])
        #expect(command.name == "defence")
        #expect(command.database.path == "x.db")
    }

    @Test func parse_glossaryImportLenientAndExportTBX2ToStandardOutput() throws {
        let command = try #require(try Tessera.parseAsRoot(["glossary", "import", "a.tbx", "--lenient"]) as? GlossaryImportCommand)
        #expect(command.lenient)
        let export = try #require(try Tessera.parseAsRoot(["glossary", "export", "-", "--tbx-version", "2"]) as? GlossaryExportCommand)
        #expect(export.output == "-")
        #expect(export.tbxVersion == 2)
        let defaults = try #require(try Tessera.parseAsRoot(["glossary", "export", "out.tbx"]) as? GlossaryExportCommand)
        #expect(defaults.tbxVersion == 3)
    }

    @Test func parse_termWithTargets() throws {
        let command = try #require(try Tessera.parseAsRoot(["term", "capability targets", "--source", "en", "--target", "de,fr", "--json"]) as? TermCommand)
        #expect(command.text == "capability targets")
        #expect(command.options.languages.targetTags == [LanguageTag("de")!, LanguageTag("fr")!])
        #expect(command.options.output.json)
    }

    @Test func parse_termsInAndCheck() throws {
        let termsIn = try #require(try Tessera.parseAsRoot(["terms-in", "A sentence.", "--source", "en", "--target", "de"]) as? TermsInCommand)
        #expect(termsIn.sentence == "A sentence.")
        let check = try #require(try Tessera.parseAsRoot(["check", "--source", "en", "--target", "de", "--file", "p.tsv"]) as? CheckCommand)
        #expect(check.file == "p.tsv")
        let export = try #require(try Tessera.parseAsRoot(["glossary", "export", "out.tbx"]) as? GlossaryExportCommand)
        #expect(export.output == "out.tbx")
    }

    @Test(arguments: [
        ["term", "x", "--source", "e n"],
        ["term", "x", "--source", "en", "--target", "de,??"],
        ["check", "--source", "en", "--target", "de,fr"],
        ["check", "--source", "en"],
        ["glossary", "export", "out.txt"],
        ["glossary", "export", "out.tbx", "--tbx-version", "4"],
        ["glossary", "import"],
        ["glossary", "import", "a.tab", "--source-language", "en"],
    ])
    func parse_rejectsInvalidCommandLines(arguments: [String]) {
        #expect(throws: (any Error).self) { try Tessera.parseAsRoot(arguments) }
    }
}
