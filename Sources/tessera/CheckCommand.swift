import ArgumentParser
import TesseraKit

/// `tessera check --source en --target de [--file pairs.tsv] [--json]`: terminology QA.
struct CheckCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against the glossaries: missing terms, forbidden or deprecated terms, inconsistency.",
        discussion: "Pairs come from --file (source<TAB>target per line) or, without it, from the translation memory. "
            + "Exit status 1 when problems are found, or when the database holds no glossary with both languages.")

    @Option(name: .long, help: "The source language (BCP 47 tag, e.g. en).")
    var source: LanguageTag

    @Option(name: .long, help: "The target language: exactly one (BCP 47 tag, e.g. de).", transform: LanguageList.init)
    var target: LanguageList

    @Option(name: .long, help: "A file of source<TAB>target lines.")
    var file: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    var printsJSON: Bool { output.json }

    func validate() throws {
        _ = try targetTag
    }

    /// The one target language of `--target` (not a list, not `*`).
    var targetTag: LanguageTag {
        get throws {
            guard target.tags.count == 1, let tag = target.tags.first, !tag.isWildcard else {
                throw ValidationError("--target \"\(target)\": check needs exactly one target language.")
            }
            return tag
        }
    }

    func run() throws {
        let (sourceTag, targetTag) = (source, try targetTag)
        try CheckTerminology.requireGlossary(database: database.location, source: sourceTag, target: targetTag)
        let lookup = try TermLookup(database: database.location, source: sourceTag, targets: [targetTag])
        let pairs =
            try file.map { try CheckTerminology.readPairs(path: $0) }
            ?? CheckTerminology.readPairs(database: database.location, source: sourceTag, target: targetTag)
        let report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: targetTag)
        if output.json { try JSONOutput.print(report) } else { JSONOutput.printText(report.summary) }
        if !report.passed { throw ExitCode(ExitStatus.failure) }
    }
}
