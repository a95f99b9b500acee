import ArgumentParser
import TesseraKit

/// `tessera memory create|list|delete`: the memories of the store (Kit's `MemoryCatalog`).
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory", abstract: "Create, list and delete the named memories of the store.",
        discussion: """
            The memory 'default' is the --db store itself; every other memory is its own SQLite file \
            <db without extension>.memories/NAME.db next to it (on PostgreSQL: its own schema \
            <schema>_m_NAME in the same database). Names: 1-64 ASCII letters, digits, - or _ \
            (folded to lower case). Unit commands take --memory NAME; lookup takes a list a,b:5.
            """,
        subcommands: [MemoryCreateCommand.self, MemoryListCommand.self, MemoryDeleteCommand.self])
}
