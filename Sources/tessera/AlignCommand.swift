import ArgumentParser
import Foundation
import TesseraKit

/// `tessera align`: sentence-aligns a document with one or more translations.
struct AlignCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the sentences of a document with its translations.",
        discussion: """
            Several targets give one alignment each, all on the source sentences. With --sentences the \
            files hold one sentence per line (blank lines separate paragraphs); otherwise each line is a \
            paragraph that is split into sentences. Warnings go to standard error.

            --store writes the pairs into the translation memory (--db, else $TESSERA_DB, else ./tessera.db) \
            in one transaction, origin "aligned"; with several targets each unit holds the source span and \
            every translation of it (multilingual units pivoting on the source sentences). 1-0 and 0-1 beads \
            and beads under --min-confidence (default \(AlignUnits.defaultMinimumConfidence) for --store and tmx, chosen \
            on the German-French dev set) are never stored; the summary says how many were left out. --format tmx writes the same units as TMX 1.4b. \
            When the database exists, its glossaries' term pairs and word pairs learnt from its units of the \
            language pair help the alignment (--no-glossary, --no-tm-lexicon switch them off).

            Standard output: the alignments in --format (default tsv, json with --json) unless -o or \
            --store sends them elsewhere. --json or --format json makes it one JSON document {"summary": \
            ..., "alignments": [...]} ("alignments" only when they go to standard output); --json with tsv, \
            beads or tmx needs -o. --format without -o does nothing with --store and is refused.
            """)

    @Argument(help: "The source document (UTF-8, or UTF-16 with a byte-order mark).")
    var sourceFile: String

    @Argument(help: "One or more translations of it.")
    var targetFiles: [String]

    @Option(name: .customLong("source"), help: "Source language (BCP 47), e.g. en.")
    var sourceLanguage: LanguageTag

    @Option(
        name: .customLong("target"), help: "Target language(s), comma separated, one per target file, e.g. de,fr.",
        transform: LanguageList.init)
    var targetLanguages: LanguageList

    @Flag(help: "Input has one sentence per line.")
    var sentences = false

    @Option(help: "Output format: tsv (default), json, beads, tmx (one TMX file with the units --store would store).")
    var format: String?

    @Option(name: .customLong("min-confidence"),
            help: "Leave out beads below this confidence (tsv, json, tmx, --store; default \(AlignUnits.defaultMinimumConfidence) with --store or --format tmx, else 0).")
    var minConfidence: Double?

    /// The confidence floor applied: `--min-confidence`, else the documented default for what is
    /// stored or written as TMX, else 0 (listing formats show every bead).
    var minimumConfidence: Double {
        minConfidence ?? (store || resolvedFormat == "tmx" ? AlignUnits.defaultMinimumConfidence : 0)
    }

    @Option(name: .shortAndLong, help: "Output file; with several targets and a format other than tmx the target language (and its position if languages repeat) is added before the extension.")
    var output: String?

    @Flag(help: "Store the aligned pairs in the translation memory.")
    var store = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var memory: MemoryOptions

    @Flag(name: .customLong("json"), help: "Print one JSON document on standard output: the summary, and the alignments when they go there.")
    var jsonSummary = false

    @Flag(name: .customLong("no-glossary"), help: "Do not use the database's glossary term pairs as lexicon.")
    var noGlossary = false

    @Flag(name: .customLong("no-tm-lexicon"), help: "Do not learn word pairs from the translation memory's units.")
    var noTMLexicon = false

    @Option(name: .customLong("length-weight"), help: "Weight of the Gale-Church length cost.")
    var lengthWeight: Double = AlignmentWeights.standard.lengthWeight

    @Option(name: .customLong("lexical-weight"), help: "Weight of the lexical similarity.")
    var lexicalWeight: Double = AlignmentWeights.standard.lexicalWeight

    @Option(name: .customLong("insertion-penalty"), help: "Extra cost of a 1-0 or 0-1 bead.")
    var insertionPenalty: Double = AlignmentWeights.standard.insertionPenalty

    @Flag(name: .customLong("no-learning"), help: "Do not learn a lexicon from the documents (one pass).")
    var noLearning = false

    @Flag(name: .customLong("no-paragraphs"), help: "Ignore paragraphs: align the sentences of the whole document as one run.")
    var noParagraphs = false

    /// The languages of `--target`, one per target file.
    var parsedTargetLanguages: [LanguageTag] { targetLanguages.tags }

    /// The format of the alignments: `--format`, else json when `--json` puts them in the
    /// document on standard output, else tsv.
    var resolvedFormat: String { format ?? (jsonSummary && alignmentsToStandardOutput ? "json" : "tsv") }

    /// Whether the alignments go to standard output (not to `-o` files, not only to the database).
    var alignmentsToStandardOutput: Bool { output == nil && !store }

    var printsJSON: Bool { jsonSummary || (alignmentsToStandardOutput && resolvedFormat == "json") }

    func validate() throws {
        let targets = targetLanguages.tags
        guard !targets.contains(where: \.isWildcard) else {
            throw ValidationError("--target \"\(targetLanguages)\": give one language per target file, not *.")
        }
        guard targets.count == targetFiles.count else {
            throw ValidationError(
                "\(Plural.count(targetFiles.count, "target file")) but \(Plural.count(targets.count, "target language")): give one language per file.")
        }
        guard resolvedFormat == "tmx" || AlignedArticle.Format(rawValue: resolvedFormat) != nil else {
            throw ValidationError(
                "--format \"\(resolvedFormat)\" is not one of \((AlignedArticle.Format.allCases.map(\.rawValue) + ["tmx"]).joined(separator: ", ")).")
        }
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1.")
        }
        if let format, store, output == nil {
            throw ValidationError("--format \(format) does nothing with --store and no -o: the pairs go to the database; add -o FILE.")
        }
        if jsonSummary, alignmentsToStandardOutput, resolvedFormat != "json" {
            throw ValidationError(
                "--json prints one JSON document on standard output: write --format \(resolvedFormat) to a file with -o, or use --format json.")
        }
    }

    func run() throws {
        var settings = AlignJob.Settings(
            learnsLexicon: !noLearning, usesParagraphs: !noParagraphs, inputIsSentences: sentences,
            usesGlossaries: !noGlossary, usesMemoryLexicon: !noTMLexicon)
        settings.weights.lengthWeight = lengthWeight
        settings.weights.lexicalWeight = lexicalWeight
        settings.weights.insertionPenalty = insertionPenalty
        var job = AlignJob(
            source: .init(path: sourceFile, language: sourceLanguage),
            targets: zip(targetFiles, parsedTargetLanguages).map { .init(path: $0.0, language: $0.1) },
            database: database.location, minimumConfidence: minimumConfidence, settings: settings)
        if !memory.name.isDefault { job.memory = try memory.location(in: database) }
        let format = resolvedFormat
        let result: AlignJob.Result
        do {
            result = try job.run(storing: store, tmxOutput: format == "tmx" ? output ?? (store ? nil : "-") : nil)
        } catch let error as KitError where error.kind == .cannotRead {
            // A file that cannot be read is a failure (exit 1, one line), not a usage error.
            throw CommandFailure("error: \(error)")
        }
        for warning in result.warnings { JSONOutput.printError(warning) }
        if let articleFormat = AlignedArticle.Format(rawValue: format), output != nil || (!store && !printsJSON) {
            try writeArticles(result.articles, format: articleFormat)
        }
        if printsJSON {
            let alignments = alignmentsToStandardOutput ? result.articles.map { $0.jsonValue(minimumConfidence: minimumConfidence) } : nil
            try JSONOutput.print(Document(summary: result.summary, alignments: alignments))
        } else if store {
            JSONOutput.printText(result.summary.text)
        }
    }

    /// The `--json` document: the summary, and the alignments when they go to standard output.
    struct Document: Encodable {
        var summary: AlignSummary
        var alignments: [AlignedArticle.JSONArticle]?
    }

    /// Writes the per-target formats (tsv, json, beads) to `-o` files or standard output.
    func writeArticles(_ articles: [AlignedArticle], format: AlignedArticle.Format) throws {
        var standardOutput = ""
        let tags = articles.map { $0.target.language?.description ?? "target" }
        let tagsRepeat = Set(tags).count < tags.count
        for (index, article) in articles.enumerated() {
            let text = article.formatted(as: format, minimumConfidence: minimumConfidence)
            if let output {
                let tag = tagsRepeat ? "\(tags[index]).\(index + 1)" : tags[index]
                let path = articles.count == 1 ? output : Self.path(output, inserting: tag)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } else {
                if articles.count > 1 && format != .json { standardOutput += "# \(article.sourceName) -> \(article.targetName)\n" }
                standardOutput += text
            }
        }
        if output == nil { print(standardOutput, terminator: "") }
    }

    /// `out.tsv` + `fr` -> `out.fr.tsv`.
    static func path(_ path: String, inserting tag: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = url.deletingPathExtension().path
        return ext.isEmpty ? "\(base).\(tag)" : "\(base).\(tag).\(ext)"
    }
}
