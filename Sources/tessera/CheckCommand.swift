import ArgumentParser
import TesseraKit

/// `tessera check --source en --target de [--file pairs.tsv] [--json]`: terminology QA.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against the glossaries: missing terms, forbidden or deprecated terms, inconsistency.",
        discussion: "Pairs come from --file (source<TAB>target per line) or, without it, from the translation memory. "
            + "Exit status 1 when problems are found.")

    @OptionGroup var languages: GlossaryLanguageOptions

    @Option(name: .long, help: "A file of source<TAB>target lines.")
    var file: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard languages.targetTags.count == 1 else { throw ValidationError("check needs exactly one --target language.") }
    }

    func run() throws {
        let report: CheckTerminology.Report
        do {
            let target = languages.targetTags[0]
            let lookup = try TermLookup(database: database.location, source: languages.sourceTag, targets: [target])
            let pairs =
                try file.map { try CheckTerminology.readPairs(path: $0) }
                ?? CheckTerminology.readPairs(database: database.location, source: languages.sourceTag, target: target)
            report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: target)
            if output.json { try JSONOutput.print(report) } else { JSONOutput.printText(report.summary) }
        } catch {
            JSONOutput.printError("\(error)")
            throw ExitCode(ExitStatus.failure)
        }
        if !report.passed { throw ExitCode(ExitStatus.failure) }
    }
}
