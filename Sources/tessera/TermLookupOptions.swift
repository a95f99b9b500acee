import ArgumentParser
import TesseraKit

/// The options of the term commands (`term`, `terms-in`): the language pair, the database and
/// `--json`; opens the ``TermLookup`` and prints what it found.
struct TermLookupOptions: ParsableArguments {
    @OptionGroup var languages: GlossaryLanguageOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    /// Opens the glossary lookup for the chosen languages.
    func open() throws -> TermLookup {
        try TermLookup(database: database.location, source: languages.sourceTag, targets: languages.targetTags)
    }

    /// Prints `value` as one JSON document with `--json`, else `text`.
    func print(_ value: some Encodable, text: @autoclosure () -> String) throws {
        if output.json { try JSONOutput.print(value) } else { JSONOutput.printText(text()) }
    }
}
