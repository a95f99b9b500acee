import ArgumentParser
import Foundation
import TesseraAlignment
import TesseraCore
import TesseraKit

/// `tessera align`: sentence-aligns a document with one or more translations.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the sentences of a document with its translations.",
        discussion: """
            Several targets give one alignment each, all on the source sentences. With --sentences the \
            files hold one sentence per line (blank lines separate paragraphs); otherwise each line is a \
            paragraph that is split into sentences. Warnings go to standard error.
            """)

    @Argument(help: "The source document (UTF-8 text).")
    var sourceFile: String

    @Argument(help: "One or more translations of it.")
    var targetFiles: [String]

    @Option(name: .customLong("source"), help: "Source language (BCP 47), e.g. en.")
    var sourceLanguage: String

    @Option(name: .customLong("target"), help: "Target language(s), comma separated, one per target file, e.g. de,fr.")
    var targetLanguages: String

    @Flag(help: "Input has one sentence per line.")
    var sentences = false

    @Option(help: "Output format: tsv, json, beads (tmx comes with the TMX writer).")
    var format: String = "tsv"

    @Option(name: .customLong("min-confidence"), help: "Leave out beads below this confidence (tsv, json).")
    var minConfidence: Double = 0

    @Option(name: .shortAndLong, help: "Output file; with several targets the target language (and its position if languages repeat) is added before the extension.")
    var output: String?

    @Option(name: .customLong("length-weight"), help: "Weight of the Gale-Church length cost.")
    var lengthWeight: Double = LexicalCostModel.Parameters.standard.lengthWeight

    @Option(name: .customLong("lexical-weight"), help: "Weight of the lexical similarity.")
    var lexicalWeight: Double = LexicalCostModel.Parameters.standard.lexicalWeight

    @Option(name: .customLong("insertion-penalty"), help: "Extra cost of a 1-0 or 0-1 bead.")
    var insertionPenalty: Double = LexicalCostModel.Parameters.standard.insertionPenalty

    @Flag(name: .customLong("no-learning"), help: "Do not learn a lexicon from the documents (one pass).")
    var noLearning = false

    @Flag(name: .customLong("no-paragraphs"), help: "Do not align paragraphs first.")
    var noParagraphs = false

    var parsedTargetLanguages: [LanguageTag?] {
        targetLanguages.split(separator: ",").map { LanguageTag(String($0).trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        guard LanguageTag(sourceLanguage) != nil else {
            throw ValidationError("--source \"\(sourceLanguage)\" is not a language tag.")
        }
        let targets = parsedTargetLanguages
        guard targets.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--target \"\(targetLanguages)\" holds something that is not a language tag.")
        }
        guard targets.count == targetFiles.count else {
            throw ValidationError("\(targetFiles.count) target files but \(targets.count) target languages: give one language per file.")
        }
        guard let format = AlignedArticle.Format(rawValue: format) else {
            throw ValidationError(
                "--format \"\(format)\" is not one of \(AlignedArticle.Format.allCases.map(\.rawValue).joined(separator: ", ")) (tmx comes later).")
        }
        _ = format
        guard (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1.")
        }
    }

    func run() throws {
        let format = AlignedArticle.Format(rawValue: format) ?? .tsv
        let source = AlignArticles.Input(text: try Self.read(sourceFile), language: LanguageTag(sourceLanguage),
                                         name: sourceFile)
        let targets = try zip(targetFiles, parsedTargetLanguages).map {
            AlignArticles.Input(text: try Self.read($0.0), language: $0.1, name: $0.0)
        }
        let aligner = DocumentAligner(
            parameters: .init(lengthWeight: lengthWeight, lexicalWeight: lexicalWeight, insertionPenalty: insertionPenalty),
            learner: noLearning ? nil : LexiconLearner(), usesParagraphs: !noParagraphs)
        let articles = AlignArticles.align(source: source, targets: targets, inputIsSentences: sentences, aligner: aligner)
        var standardOutput = ""
        let tags = articles.map { $0.target.language?.description ?? "target" }
        let tagsRepeat = Set(tags).count < tags.count
        for (index, article) in articles.enumerated() {
            for warning in article.report.warnings {
                FileHandle.standardError.write(Data("\(article.targetName): \(warning)\n".utf8))
            }
            let text = article.formatted(as: format, minimumConfidence: minConfidence)
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
        guard let data = FileManager.default.contents(atPath: path) else {
            JSONOutput.printError("error: \(path): cannot read the file.")
            throw ExitCode(ExitStatus.failure)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            JSONOutput.printError("error: \(path): not UTF-8 text.")
            throw ExitCode(ExitStatus.failure)
        }
        return text
    }

    /// `out.tsv` + `fr` -> `out.fr.tsv`.
    static func path(_ path: String, inserting tag: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = url.deletingPathExtension().path
        return ext.isEmpty ? "\(base).\(tag)" : "\(base).\(tag).\(ext)"
    }
}
