import ArgumentParser
import TesseraKit

/// `tessera key create --scope read|write|admin [--memory NAME] [--json]`: makes an API key for `tessera
/// serve`, prints it once (only its hash is stored); `tessera key list` shows the stored keys
/// (never a key: id, prefix, scope, memory, date); `tessera key revoke ID` deletes one.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Manage the API keys of tessera serve.", subcommands: [Create.self, List.self, Revoke.self])

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

    /// `tessera key list`.
    struct List: ParsableCommand, JSONOutputCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the stored API keys, oldest first (id, prefix, scope, memory, date; never a key).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        var printsJSON: Bool { output.json }

        /// One key in `--json` (what the server's `GET /api/v1/keys` shows: never the hash).
        struct Entry: Encodable {
            var id: Int64
            var prefix: String
            var scope: String
            var memory: String?
            var created: String?
        }

        func run() throws {
            do {
                let records = try APIKeys(location: database.location).all()
                if output.json {
                    try JSONOutput.print(records.map { Entry(id: $0.id ?? 0, prefix: $0.prefix, scope: $0.scope.rawValue, memory: $0.memory, created: $0.created) })
                } else {
                    for record in records {
                        let id = record.id.map(String.init) ?? "-"
                        print([id, record.prefix, record.scope.rawValue, record.memory ?? "*", record.created ?? ""].joined(separator: "\t"))
                    }
                }
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }

    /// `tessera key revoke ID`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke (delete) the API key with this id (see tessera key list).")

        @Argument(help: "The key's id.")
        var id: Int64

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            do {
                try APIKeys(location: database.location).revoke(id: id)
            } catch {
                throw CommandFailure("\(error)")
            }
            print("Revoked API key \(id).")
        }
    }
}
