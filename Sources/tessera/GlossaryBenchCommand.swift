import ArgumentParser
import Foundation
import TesseraCore
import TesseraKit

/// `tessera glossary bench`: hidden; times import, `term` and `terms-in` on a large glossary.
struct GlossaryBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time glossary import, term and terms-in on a large glossary.", shouldDisplay: false)

    @Option(name: .long, help: "A source<TAB>target corpus.")
    var corpus: String = ".bench-data/corpus/de.tsv"

    @Option(name: .long, help: "Glossary entries.")
    var entries: Int = 100_000

    @Option(name: .long, help: "Queries of each kind.")
    var queries: Int = 2_000

    @Option(name: .long, help: "Scratch directory.")
    var directory: String = NSTemporaryDirectory()

    @OptionGroup var languages: GlossaryLanguageOptions

    func run() throws {
        let target = languages.targetTags.first ?? LanguageTag("de")!
        let report = try TermBenchmark(
            corpus: corpus, entries: entries, queries: queries, directory: directory, source: languages.sourceTag,
            target: target
        ).run()
        try JSONOutput.print(report)
    }
}
