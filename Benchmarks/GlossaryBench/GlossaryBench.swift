import ArgumentParser
import Foundation
import TesseraKit

/// `swift run -c release GlossaryBench`: times glossary import, `term` and `terms-in` on a large
/// glossary and prints the figures as one JSON document (Docs/PERFORMANCE.md).
@main
struct GlossaryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "GlossaryBench", abstract: "Time glossary import, term and terms-in on a large glossary.")

    @Option(name: .long, help: "A source<TAB>target corpus.")
    var corpus: String = ".bench-data/corpus/de.tsv"

    @Option(name: .long, help: "Glossary entries.")
    var entries: Int = 100_000

    @Option(name: .long, help: "Queries of each kind.")
    var queries: Int = 2_000

    @Option(name: .long, help: "Scratch directory.")
    var directory: String = NSTemporaryDirectory()

    @Option(name: .long, help: "The corpus's source language.")
    var source = "en"

    @Option(name: .long, help: "The corpus's target language.")
    var target = "de"

    func run() throws {
        guard let sourceTag = LanguageTag(source), let targetTag = LanguageTag(target) else {
            throw ValidationError("--source and --target take language tags (BCP 47).")
        }
        let report = try TermBenchmark(
            corpus: corpus, entries: entries, queries: queries, directory: directory, source: sourceTag, target: targetTag
        ).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
    }
}
