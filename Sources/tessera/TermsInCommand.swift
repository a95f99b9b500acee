import ArgumentParser
import TesseraKit

/// `tessera terms-in "SENTENCE" --source en --target de [--json]`.
struct TermsInCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms-in",
        abstract: "List the glossary terms in a sentence (longest match wins) with UTF-16 offsets.")

    @Argument(help: "The sentence.")
    var sentence: String

    @OptionGroup var options: TermLookupOptions

    var printsJSON: Bool { options.output.json }

    func run() throws {
        let found = try options.open().termsIn(sentence)
        try options.print(found, text: TermOutput.text(found))
    }
}
