import ArgumentParser
import TesseraKit

/// `tessera copy --from LOCATION --to LOCATION`: copies a whole store into an empty one.
struct CopyCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole store (every memory, its glossaries and API keys) into an empty store.",
        discussion: """
            LOCATION is an SQLite file or a postgres:// URL, as for --db. Units keep their ids, batches \
            (provenance), props and notes; glossaries keep their origins; API keys their hashes, scopes and \
            memories. Each memory is copied in one transaction; a failed copy leaves the target as it was. \
            The target must not hold any unit, named memory, glossary or API key.
            """)

    @Option(help: "The store to copy (an SQLite file or a postgres:// URL).")
    var from: String

    @Option(help: "The empty store to write (an SQLite file, created when missing, or a postgres:// URL).")
    var to: String

    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func run() throws {
        let useCase = CopyStore(from: StoreLocation(from), to: StoreLocation(to))
        let progress = ProgressReporter.forStandardError()
        let report: CopyReport
        do {
            defer { progress?.finish() }
            report = try useCase.run(progress: progress.map { reporter in { reporter.update($0) } })
        }
        if output.json { try JSONOutput.print(report) } else { JSONOutput.printText(report.summary) }
    }
}
