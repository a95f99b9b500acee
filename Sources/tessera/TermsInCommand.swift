import ArgumentParser
import TesseraKit

/// `tessera terms-in "SENTENCE" --source en --target de [--json]`.
struct TermsInCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms-in",
        abstract: "List the glossary terms in a sentence (longest match wins) with UTF-16 offsets.")

    @Argument(help: "The sentence.")
    var sentence: String

    @OptionGroup var languages: GlossaryLanguageOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let lookup = try TermLookup(database: database.location, source: languages.sourceTag, targets: languages.targetTags)
        let found = try lookup.termsIn(sentence)
        if output.json { try JSONOutput.print(found) } else { JSONOutput.printText(TermOutput.text(found)) }
    }
}
