import ArgumentParser
import TesseraKit

/// `tessera export OUT`: writes the translation memory as TMX, TSV or JSON.
struct ExportCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the translation memory as TMX 1.4b, TSV or JSON.",
        discussion: """
            The format defaults from OUT's extension (.tmx, .tsv, .json, .jsonl), which may be followed by .gz \
            (gzip) or .zip (a zip archive); - writes TMX (or --format) to standard output and the summary to \
            standard error (--json then needs an output file). TSV has a header row and one row per pair: \
            source_language, target_language, source, target.
            """)

    @Argument(help: "The output file, or - for standard output.")
    var out: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "Source language (BCP 47); a unit without it is left out.")
    var source: LanguageTag?

    @Option(help: "Target languages, comma-separated (fr-CA,de); region fallback picks the closest variant.", transform: LanguageList.init)
    var target: LanguageList?

    @Option(help: "TMX level: 1 (plain text) or 2 (inline codes).")
    var level: Int?

    @Option(help: "Output format: tmx, tsv, json or jsonl (default: from OUT's extension).")
    var format: FormatOption?

    @OptionGroup var output: OutputOptions

    /// The format to write: the option, else the one OUT's extension implies.
    var resolvedFormat: ExportMemoryFormat? { format?.format ?? ExportMemoryFormat.infer(from: out) }

    /// The languages of `--target` (none, or `*`: every language).
    var targetTags: [LanguageTag] { ((try? target?.tagsOrEvery()) ?? nil) ?? [] }

    var printsJSON: Bool { output.json }

    func validate() throws {
        if output.json, out == "-" {
            throw ValidationError("--json prints the report on standard output, where - writes the export: give an output file.")
        }
        if let level, level != 1, level != 2 { throw ValidationError("--level must be 1 or 2.") }
        if resolvedFormat == nil {
            throw ValidationError("Cannot tell the format from '\(out)'; add --format tmx|tsv|json|jsonl.")
        }
        _ = try target?.tagsOrEvery()
    }

    func run() throws {
        guard let format = resolvedFormat else { throw ExitCode(ExitStatus.usage) }
        let useCase = ExportMemory(
            database: try memory.location(in: database), output: out, format: format, source: source,
            targets: targetTags, level: level)
        let report = try useCase.run()
        for warning in report.warnings { JSONOutput.printError("warning: \(warning)") }
        // When the export itself is on standard output, the summary goes to standard error.
        switch (output.json, out == "-") {
        case (true, _): try JSONOutput.print(report)
        case (false, false): JSONOutput.printText(report.summary)
        case (false, true): JSONOutput.printError(report.summary)
        }
    }
}
