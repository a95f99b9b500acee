import ArgumentParser
import TesseraKit

/// `tessera glossary list [--db PATH] [--json]`.
struct GlossaryListCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored glossaries.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let summaries = try GlossaryList(database: database.location).run()
        if output.json {
            try JSONOutput.print(summaries)
        } else if summaries.isEmpty {
            JSONOutput.printText("No glossary.")
        } else {
            for summary in summaries {
                JSONOutput.printText(
                    "\(summary.name): \(Plural.count(summary.concepts, "concept")), \(Plural.count(summary.terms, "term")) (\(summary.languages.joined(separator: ", ")))")
            }
        }
    }
}
