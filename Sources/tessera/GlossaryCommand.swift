import ArgumentParser
import TesseraKit

/// `tessera glossary`: import, export and list glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Import, export and list glossaries (TBX, CSV/TSV, OmegaT).",
        subcommands: [
            GlossaryImportCommand.self, GlossaryExportCommand.self, GlossaryListCommand.self,
        ])
}

/// `--source en --target de,fr`: the language pair of term commands.
struct GlossaryLanguageOptions: ParsableArguments {
    @Option(name: .long, help: "The source language (BCP 47 tag, e.g. en).")
    var source: LanguageTag

    @Option(
        name: .long, help: "Target languages, comma-separated (e.g. de,fr) or *; default: every language.",
        transform: LanguageList.init)
    var target: LanguageList?

    /// The source language.
    var sourceTag: LanguageTag { source }

    /// The target languages; none for every language.
    var targetTags: [LanguageTag] { ((try? target?.tagsOrEvery()) ?? nil) ?? [] }
}
