import ArgumentParser
import TesseraKit

/// `tessera stats`: counts of units, variants, languages and language pairs.
struct StatsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show units, variants, languages and language pairs of the translation memory.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var memory: MemoryOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let stats = try Stats(database: try memory.location(in: database)).run()
        if output.json { try JSONOutput.print(stats) } else { JSONOutput.printText(stats.summary) }
    }
}
