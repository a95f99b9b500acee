import ArgumentParser
import TesseraKit

/// `tessera memory delete NAME [--db PATH] [--json]`.
struct MemoryDeleteCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a memory: its file and side files (not 'default'). Stop a server serving it first.")

    @Argument(help: "The memory to delete.")
    var name: MemoryName

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    /// The `--json` document.
    struct Deleted: Encodable {
        var deleted: MemoryName
    }

    func run() throws {
        try MemoryCatalog(database: database.location).delete(name)
        if output.json {
            try JSONOutput.print(Deleted(deleted: name))
        } else {
            JSONOutput.printText("Deleted the memory \(name).")
        }
    }
}
