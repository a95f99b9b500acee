import ArgumentParser
import TesseraKit

/// `tessera glossary import FILE... [--name NAME] [--db PATH]`.
struct GlossaryImportCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TBX 2/3, CSV/TSV (wide or long layout) or OmegaT glossaries into one named glossary.",
        discussion: "Every file is read before anything is written; a failed import changes nothing. "
            + "Headerless files (OmegaT source<TAB>target<TAB>comment) need --source-language and --target-language.")

    @Argument(help: "Glossary files (.tbx, .csv, .tsv, .tab, .txt).")
    var files: [String]

    @Option(name: .long, help: "The glossary name (default: the first file's name). An existing glossary of that name is replaced.")
    var name: String?

    @Option(name: .customLong("source-language"), help: "Source language of headerless files.")
    var sourceLanguage: LanguageTag?

    @Option(name: .customLong("target-language"), help: "Target language of headerless files.")
    var targetLanguage: LanguageTag?

    @Flag(name: .long, help: "Store TBX files with structure or picklist problems, with one warning per problem (listed, counted in the summary).")
    var lenient = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    mutating func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one glossary file.") }
        if (sourceLanguage == nil) != (targetLanguage == nil) {
            throw ValidationError("--source-language and --target-language go together.")
        }
    }

    func run() throws {
        let languages = sourceLanguage.flatMap { source in targetLanguage.map { (source, $0) } }
        let report = try GlossaryImport(
            files: files, name: name, database: database.location, languages: languages, lenient: lenient
        ).run()
        if output.json {
            try JSONOutput.print(report)
        } else {
            for warning in report.warnings { JSONOutput.printError(warning) }
            JSONOutput.printText(report.summary)
        }
    }
}
