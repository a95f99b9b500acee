import ArgumentParser
import TesseraKit

/// `tessera import FILE...`: reads TMX files into the translation memory, one transaction per file.
struct ImportCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX files (.tmx, .tmx.gz, .tmx.zip) into the translation memory.",
        discussion: """
            Each file is imported in one transaction: a malformed file is reported as FILE:LINE:COLUMN: message \
            on standard error and nothing from it is kept; the other files are still imported (exit status 1).
            """)

    @Argument(help: "TMX files to import.")
    var files: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "What to do with a unit already stored: add, overwrite, keep-existing, keep-newest.")
    var duplicates: DuplicatesOption = .keepNewest

    @Flag(help: "Skip invalid units of a well-formed file (counted in the summary) instead of failing the file.")
    var skipInvalid = false

    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one TMX file to import.") }
    }

    func run() throws {
        let useCase = ImportTMX(database: try memory.location(in: database), policy: duplicates.policy, skipInvalid: skipInvalid)
        let progress = ProgressReporter.forStandardError()
        let report: ImportReport
        do {
            defer { progress?.finish() }
            report = try useCase.run(files: files, progress: progress.map { reporter in { reporter.update($0) } })
        }
        for file in report.files where !file.imported {
            JSONOutput.printError(file.error ?? "\(file.path): not imported")
        }
        if output.json { try JSONOutput.print(report) } else { JSONOutput.printText(report.summary) }
        if !report.succeeded { throw ExitCode(ExitStatus.failure) }
    }
}
