import ArgumentParser
import TesseraKit

/// `tessera glossary export OUT.tbx|OUT.csv|- [--name NAME] [--tbx-version 2|3] [--db PATH]`.
struct GlossaryExportCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a glossary as TBX 3 or TBX 2 (.tbx) or long-format CSV (.csv).",
        discussion: "Every data category kept at import is written back. Concept ids are unique in the output: "
            + "when merged glossaries share an id, the later concept becomes GLOSSARY-ID.")

    @Argument(help: "The output file, ending in .tbx or .csv; - writes TBX to standard output.")
    var output: String

    @Option(name: .long, help: "The glossary to export (default: all, merged).")
    var name: String?

    @Option(name: .customLong("tbx-version"), help: "TBX version: 3 (tbx, ISO 30042:2019) or 2 (martif, ISO 30042:2008, read by Translate Toolkit).")
    var tbxVersion: Int = 3

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var format: OutputOptions

    var printsJSON: Bool { format.json }

    mutating func validate() throws {
        let lower = output.lowercased()
        guard output == "-" || lower.hasSuffix(".tbx") || lower.hasSuffix(".csv") else {
            throw ValidationError("The output must end in .tbx or .csv, or be - for standard output.")
        }
        if output == "-" && format.json {
            throw ValidationError("--json cannot be used with -: standard output carries the TBX.")
        }
        guard GlossaryExport.tbxVersions.contains(tbxVersion) else {
            throw ValidationError("--tbx-version must be 2 or 3.")
        }
    }

    func run() throws {
        let report = try GlossaryExport(output: output, name: name, database: database.location, tbxVersion: tbxVersion).run()
        if output == "-" {
            // Standard output carries the TBX; the summary goes to standard error.
            JSONOutput.printError(
                "Wrote \(Plural.count(report.concepts, "concept")), \(Plural.count(report.terms, "term")) to standard output.")
        } else if format.json {
            try JSONOutput.print(report)
        } else {
            JSONOutput.printText(
                "Wrote \(Plural.count(report.concepts, "concept")), \(Plural.count(report.terms, "term")) to \(report.output).")
        }
    }
}
