import ArgumentParser
import TesseraKit

/// The `tessera` command: translation memories, glossaries and alignment from the command line.
@main
struct Tessera: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tessera",
        abstract: "Translation memory, glossary and sentence alignment toolkit.",
        subcommands: [AlignCommand.self, SegmentCommand.self])
}
