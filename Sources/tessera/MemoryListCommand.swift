import ArgumentParser
import TesseraKit

/// `tessera memory list [--db PATH] [--json]`.
struct MemoryListCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the memories with their units, variants and languages.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    /// A memory and where it is (`memory create --json`).
    struct Entry: Encodable {
        var name: MemoryName
        var location: String
    }

    /// The `--json` document: the same shape as `GET /api/v1/memories`.
    struct Document: Encodable {
        var memories: [MemorySummary]
    }

    func run() throws {
        let summaries = try MemorySummary.all(in: MemoryCatalog(database: database.location))
        if output.json {
            try JSONOutput.print(Document(memories: summaries))
        } else {
            for summary in summaries { JSONOutput.printText(summary.line) }
        }
    }
}
