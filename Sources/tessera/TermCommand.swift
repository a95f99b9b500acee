import ArgumentParser
import TesseraKit

/// `tessera term TEXT --source en [--target de,fr] [--json]`.
struct TermCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "term",
        abstract: "Look a term up in the glossaries (case, inflection and hyphen tolerant; fuzzy as a last resort).")

    @Argument(help: "The term.")
    var text: String

    @OptionGroup var languages: GlossaryLanguageOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let lookup = try TermLookup(database: database.location, source: languages.sourceTag, targets: languages.targetTags)
        let hits = try lookup.lookup(text)
        if output.json { try JSONOutput.print(hits) } else { JSONOutput.printText(TermOutput.text(hits)) }
    }
}
