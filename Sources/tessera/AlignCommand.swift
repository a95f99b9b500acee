import ArgumentParser
import Foundation
import TesseraAlignment
import TesseraCore
import TesseraKit
import TesseraStorage
import TesseraText

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
    var sourceLanguage: String

    @Option(name: .customLong("target"), help: "Target language(s), comma separated, one per target file, e.g. de,fr.")
    var targetLanguages: String

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

    @Flag(name: .customLong("json"), help: "Print one JSON document on standard output: the summary, and the alignments when they go there.")
    var jsonSummary = false

    @Flag(name: .customLong("no-glossary"), help: "Do not use the database's glossary term pairs as lexicon.")
    var noGlossary = false

    @Flag(name: .customLong("no-tm-lexicon"), help: "Do not learn word pairs from the translation memory's units.")
    var noTMLexicon = false

    @Option(name: .customLong("length-weight"), help: "Weight of the Gale-Church length cost.")
    var lengthWeight: Double = LexicalCostModel.Parameters.standard.lengthWeight

    @Option(name: .customLong("lexical-weight"), help: "Weight of the lexical similarity.")
    var lexicalWeight: Double = LexicalCostModel.Parameters.standard.lexicalWeight

    @Option(name: .customLong("insertion-penalty"), help: "Extra cost of a 1-0 or 0-1 bead.")
    var insertionPenalty: Double = LexicalCostModel.Parameters.standard.insertionPenalty

    @Flag(name: .customLong("no-learning"), help: "Do not learn a lexicon from the documents (one pass).")
    var noLearning = false

    @Flag(name: .customLong("no-paragraphs"), help: "Ignore paragraphs: align the sentences of the whole document as one run.")
    var noParagraphs = false

    /// The languages of `--target`, one per target file.
    var parsedTargetLanguages: [LanguageTag] { (try? TargetLanguages.tags(targetLanguages)) ?? [] }

    /// The format of the alignments: `--format`, else json when `--json` puts them in the
    /// document on standard output, else tsv.
    var resolvedFormat: String { format ?? (jsonSummary && alignmentsToStandardOutput ? "json" : "tsv") }

    /// Whether the alignments go to standard output (not to `-o` files, not only to the database).
    var alignmentsToStandardOutput: Bool { output == nil && !store }

    var printsJSON: Bool { jsonSummary || (alignmentsToStandardOutput && resolvedFormat == "json") }

    func validate() throws {
        guard LanguageTag(sourceLanguage) != nil else {
            throw ValidationError("--source \"\(sourceLanguage)\" is not a language tag.")
        }
        let targets = try TargetLanguages.tags(targetLanguages)
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
        let sourceTag = LanguageTag(sourceLanguage)
        let source = AlignArticles.Input(text: try Self.read(sourceFile), language: sourceTag, name: sourceFile)
        let targets = try zip(targetFiles, parsedTargetLanguages).map {
            AlignArticles.Input(text: try Self.read($0.0), language: $0.1, name: $0.0)
        }
        let aligner = DocumentAligner(
            parameters: .init(lengthWeight: lengthWeight, lexicalWeight: lexicalWeight, insertionPenalty: insertionPenalty),
            learner: noLearning ? nil : LexiconLearner(), usesParagraphs: !noParagraphs)
        let loader = AlignLexicon(database: database.location, usesGlossaries: !noGlossary, usesMemory: !noTMLexicon)
        var loaded: [AlignLexicon.Loaded?] = []
        do {
            loaded = try targets.map { target in
                guard let sourceTag, let targetTag = target.language, loader.database.exists else { return nil }
                return try loader.load(source: sourceTag, target: targetTag)
            }
        } catch {
            throw CommandFailure("\(database.location): \(error)")
        }
        let articles = AlignArticles.align(source: source, targets: targets, inputIsSentences: sentences, aligner: aligner,
                                           lexicons: loaded.map { $0?.lexicon ?? BilingualLexicon() })
        if let first = articles.first, first.sourceReplacedCharacters > 0 {
            JSONOutput.printError("\(first.sourceName): \(Self.replacementWarning(first.sourceReplacedCharacters))")
        }
        for article in articles {
            if article.targetReplacedCharacters > 0 {
                JSONOutput.printError("\(article.targetName): \(Self.replacementWarning(article.targetReplacedCharacters))")
            }
            for warning in article.report.warnings {
                JSONOutput.printError("\(article.targetName): \(warning)")
            }
        }
        let format = resolvedFormat
        let units = format == "tmx" || store ? AlignUnits.units(from: articles, minimumConfidence: minimumConfidence) : []
        if format == "tmx" {
            if let output {
                try AlignStore.writeTMX(units, to: output, sourceLanguage: sourceTag ?? LanguageTag("und")!)
            } else if !store {
                try AlignStore.writeTMX(units, to: "-", sourceLanguage: sourceTag ?? LanguageTag("und")!)
            }
        } else if let articleFormat = AlignedArticle.Format(rawValue: format), output != nil || (!store && !printsJSON) {
            try writeArticles(articles, format: articleFormat)
        }
        var report: WriteReport?
        if store {
            do {
                report = try AlignStore(database: database.location).store(units, sourcePath: sourceFile)
            } catch {
                throw CommandFailure("\(database.location): \(error)")
            }
        }
        let summary = AlignSummary(articles: articles, lexicons: loaded, minimumConfidence: minimumConfidence,
                                   units: units.count, store: report)
        if printsJSON {
            let alignments = alignmentsToStandardOutput ? articles.map { $0.jsonValue(minimumConfidence: minimumConfidence) } : nil
            try JSONOutput.print(Document(summary: summary, alignments: alignments))
        } else if store {
            JSONOutput.printText(summary.text)
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

    static func read(_ path: String) throws -> String {
        // A file that cannot be read is a failure (exit 1, one line), not a usage error.
        do {
            return try TextFile(path: path).text
        } catch {
            throw CommandFailure("error: \(error)")
        }
    }

    /// The warning for characters XML cannot carry that were replaced in an input file.
    static func replacementWarning(_ count: Int) -> String {
        "warning: \(count) characters that XML cannot carry (control characters, U+FFFE, U+FFFF) were replaced by U+FFFD."
    }

    /// `out.tsv` + `fr` -> `out.fr.tsv`.
    static func path(_ path: String, inserting tag: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = url.deletingPathExtension().path
        return ext.isEmpty ? "\(base).\(tag)" : "\(base).\(tag).\(ext)"
    }
}
