import ArgumentParser
import TesseraKit

/// `tessera memory create NAME [--db PATH] [--json]`.
struct MemoryCreateCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Make an empty memory.")

    @Argument(help: "The name: 1-64 ASCII letters, digits, - or _.")
    var name: MemoryName

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let location = try MemoryCatalog(database: database.location).create(name)
        if output.json {
            try JSONOutput.print(MemoryListCommand.Entry(name: name, location: location.description))
        } else {
            JSONOutput.printText("Created the memory \(name) (\(location)).")
        }
    }
}
