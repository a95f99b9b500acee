import ArgumentParser
import TesseraKit

/// `tessera glossary list [--db PATH] [--json]`.
struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored glossaries.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        do {
            let summaries = try GlossaryList(database: database.location).run()
            if output.json {
                try JSONOutput.print(summaries)
            } else if summaries.isEmpty {
                JSONOutput.printText("No glossary.")
            } else {
                for summary in summaries {
                    JSONOutput.printText(
                        "\(summary.name): \(summary.concepts) concepts, \(summary.terms) terms (\(summary.languages.joined(separator: ", ")))")
                }
            }
        } catch {
            JSONOutput.printError("\(error)")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
