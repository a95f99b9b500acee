import ArgumentParser
import TesseraKit

/// `tessera key create --scope read|write|admin [--memory NAME] [--json]`: makes an API key for `tessera
/// serve`, prints it once (only its hash is stored).
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Manage the API keys of tessera serve.", subcommands: [Create.self])

    /// `tessera key create`.
    struct Create: ParsableCommand, JSONOutputCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Make an API key and print it once (only its SHA-256 is stored).")

        @Option(name: .long, help: "What the key may do: read, write or admin.")
        var scope: String

        @Option(name: .long, help: "The one memory the key is for (default: every memory).")
        var memory: MemoryName?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        var printsJSON: Bool { output.json }

        func run() throws {
            // One place turns the text into a scope (a bad one is a usage error, exit 2).
            guard let scope = APIKeyScope(rawValue: scope) else { throw ValidationError("--scope must be read, write or admin.") }
            do {
                let (key, record) = try APIKeys(location: database.location).create(scope: scope, memory: memory?.description)
                if output.json {
                    // The key (shown this once) and what it may do.
                    var document = ["key": key, "prefix": record.prefix, "scope": record.scope.rawValue]
                    document["memory"] = record.memory
                    try JSONOutput.print(document)
                } else {
                    print(key)
                }
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }
}
