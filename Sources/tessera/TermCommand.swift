import ArgumentParser
import TesseraKit

/// `tessera term TEXT --source en [--target de,fr] [--json]`.
struct TermCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "term",
        abstract: "Look a term up in the glossaries (case, inflection and hyphen tolerant; fuzzy as a last resort).")

    @Argument(help: "The term.")
    var text: String

    @OptionGroup var options: TermLookupOptions

    var printsJSON: Bool { options.output.json }

    func run() throws {
        let hits = try options.open().lookup(text)
        try options.print(hits, text: TermOutput.text(hits))
    }
}
