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
    var source: String

    @Option(name: .long, help: "Target languages, comma-separated (e.g. de,fr) or *; default: every language.")
    var target: String?

    /// The parsed source language.
    var sourceTag: LanguageTag { LanguageTag(source) ?? .all }

    /// The parsed target languages.
    var targetTags: [LanguageTag] { (try? TargetLanguages.tagsOrEvery(target ?? "")) ?? [] }

    /// The tag of a `--source` value.
    /// - Throws: `ValidationError` when it is not a language tag (or is `*`).
    static func sourceTag(_ text: String) throws -> LanguageTag {
        guard let tag = LanguageTag(text), !tag.isWildcard else {
            throw ValidationError("--source \"\(text)\" is not a language tag.")
        }
        return tag
    }

    mutating func validate() throws {
        _ = try Self.sourceTag(source)
        _ = try TargetLanguages.tags(target ?? "")
    }
}
