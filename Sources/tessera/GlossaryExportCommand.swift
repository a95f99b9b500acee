import ArgumentParser
import TesseraKit

/// `tessera glossary export OUT.tbx|OUT.csv [--name NAME] [--db PATH]`.
struct GlossaryExportCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a glossary as TBX 3 Basic (.tbx) or long-format CSV (.csv).")

    @Argument(help: "The output file, ending in .tbx or .csv.")
    var output: String

    @Option(name: .long, help: "The glossary to export (default: all, merged).")
    var name: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var format: OutputOptions

    var printsJSON: Bool { format.json }

    mutating func validate() throws {
        let lower = output.lowercased()
        guard lower.hasSuffix(".tbx") || lower.hasSuffix(".csv") else {
            throw ValidationError("The output must end in .tbx or .csv.")
        }
    }

    func run() throws {
        do {
            let report = try GlossaryExport(output: output, name: name, database: database.location).run()
            if format.json {
                try JSONOutput.print(report)
            } else {
                JSONOutput.printText(
                    "Wrote \(Plural.count(report.concepts, "concept")), \(Plural.count(report.terms, "term")) to \(report.output).")
            }
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
