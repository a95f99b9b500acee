import Foundation
import TesseraAlignment
public import TesseraCore
public import TesseraStorage
import TesseraText

/// The whole `align` job: reads a document and its translations, splits them into sentences,
/// aligns each translation with the document (with the database's glossary and memory lexicon
/// when it exists), filters the beads by confidence and stores the units or writes them as TMX.
///
/// ```swift
/// let job = AlignJob(
///     source: .init(path: "a.en.txt", language: LanguageTag("en")!),
///     targets: [.init(path: "a.de.txt", language: LanguageTag("de")!)],
///     database: StoreLocation(option: "tm.db"), minimumConfidence: 0.35)
/// let result = try job.run(storing: true)
/// result.store?.added       // units stored
/// print(result.summary.text)
/// ```
public struct AlignJob: Sendable {
    /// One input file and its language.
    public struct Document: Sendable, Hashable {
        /// The file (UTF-8, or UTF-16 with a byte-order mark).
        public var path: String
        /// Its language.
        public var language: LanguageTag

        /// Creates a document.
        public init(path: String, language: LanguageTag) {
            self.path = path
            self.language = language
        }
    }

    /// How the documents are read and aligned.
    public struct Settings: Sendable, Hashable {
        /// The cost weights (tuning knobs of `tessera align`; a library user keeps the standard ones).
        package var weights: AlignmentWeights = .standard
        /// Learn a lexicon from the documents (a second pass).
        public var learnsLexicon: Bool
        /// Align paragraph by paragraph (else the whole document as one run).
        public var usesParagraphs: Bool
        /// The files hold one sentence per line (blank lines between paragraphs).
        public var inputIsSentences: Bool
        /// Use the database's glossary term pairs as lexicon.
        public var usesGlossaries: Bool
        /// Learn word pairs from the translation memory's units of the language pair.
        public var usesMemoryLexicon: Bool

        /// Creates settings; the defaults are those of `tessera align`.
        public init(
            learnsLexicon: Bool = true, usesParagraphs: Bool = true,
            inputIsSentences: Bool = false, usesGlossaries: Bool = true, usesMemoryLexicon: Bool = true
        ) {
            self.learnsLexicon = learnsLexicon
            self.usesParagraphs = usesParagraphs
            self.inputIsSentences = inputIsSentences
            self.usesGlossaries = usesGlossaries
            self.usesMemoryLexicon = usesMemoryLexicon
        }
    }

    /// What the job did.
    public struct Result: Sendable {
        /// One alignment per target, in order.
        package var articles: [AlignedArticle]
        /// The lexicon read from the database for each target (`nil` without a database).
        package var lexicons: [AlignLexicon.Loaded?]
        /// The units made (only when they were stored or written as TMX), in source order.
        public var units: [TranslationUnit]
        /// What the store wrote, when the units were stored.
        public var store: WriteReport?
        /// Warnings, one line each, prefixed with the file they concern.
        public var warnings: [String]
        /// The summary (`--json` or the text after `--store`).
        public var summary: AlignSummary
    }

    /// The document.
    public var source: Document
    /// Its translations (one alignment each, all on the source sentences).
    public var targets: [Document]
    /// The translation memory: the lexicon source, and where units are stored.
    public var database: StoreLocation
    /// The memory that stores the units and is learnt from, when not the database's own
    /// (``MemoryCatalog/location(of:)``); `nil`: ``database``.
    public var memory: StoreLocation? = nil
    /// Beads under this confidence are left out of the units and of the listings.
    public var minimumConfidence: Double
    /// How the documents are read and aligned.
    public var settings: Settings

    /// Creates the job.
    public init(
        source: Document, targets: [Document], database: StoreLocation, minimumConfidence: Double,
        settings: Settings = Settings()
    ) {
        self.source = source
        self.targets = targets
        self.database = database
        self.minimumConfidence = minimumConfidence
        self.settings = settings
    }

    /// Runs the job.
    /// - Parameters:
    ///   - storing: Store the units in the translation memory (one transaction, origin `aligned`).
    ///   - tmxOutput: Write the units as TMX 1.4b to this file (`-`: standard output).
    /// - Returns: The alignments, the units, what was stored and the summary.
    /// - Throws: ``KitError`` `cannotRead` (message: the text-file error) when an input cannot be
    ///   read, `storage` (message: `DATABASE: error`) when the database cannot be read or written,
    ///   the TMX writer's error when the TMX file cannot be written.
    public func run(storing: Bool = false, tmxOutput: String? = nil) throws -> Result {
        let sourceInput = AlignArticles.Input(text: try Self.read(source.path), language: source.language, name: source.path)
        let targetInputs = try targets.map {
            AlignArticles.Input(text: try Self.read($0.path), language: $0.language, name: $0.path)
        }
        let lexicons = try loadLexicons()
        let aligner = DocumentAligner(
            parameters: settings.weights,
            learner: settings.learnsLexicon ? LexiconLearner() : nil, usesParagraphs: settings.usesParagraphs)
        let articles = AlignArticles.align(
            source: sourceInput, targets: targetInputs, inputIsSentences: settings.inputIsSentences, aligner: aligner,
            lexicons: lexicons.map { $0?.lexicon ?? BilingualLexicon() })
        let units = storing || tmxOutput != nil ? AlignUnits.units(from: articles, minimumConfidence: minimumConfidence) : []
        if let tmxOutput { try AlignStore.writeTMX(units, to: tmxOutput, sourceLanguage: source.language) }
        var report: WriteReport?
        if storing {
            do {
                report = try AlignStore(database: memory ?? database).store(units, sourcePath: source.path)
            } catch {
                throw KitError(.storage, "\(memory ?? database): \(error)")
            }
        }
        let summary = AlignSummary(
            articles: articles, lexicons: lexicons, minimumConfidence: minimumConfidence, units: units.count, store: report)
        return Result(
            articles: articles, lexicons: lexicons, units: units, store: report, warnings: Self.warnings(articles),
            summary: summary)
    }

    /// The lexicon of each target from the database, when it exists.
    func loadLexicons() throws -> [AlignLexicon.Loaded?] {
        var loader = AlignLexicon(
            database: database, usesGlossaries: settings.usesGlossaries, usesMemory: settings.usesMemoryLexicon)
        loader.memory = memory
        guard database.exists else { return targets.map { _ in nil } }
        do {
            return try targets.map { try loader.load(source: source.language, target: $0.language) }
        } catch {
            throw KitError(.storage, "\(database): \(error)")
        }
    }

    /// The warning lines of the articles: replaced characters of the source, then of each target
    /// and the aligner's warnings.
    static func warnings(_ articles: [AlignedArticle]) -> [String] {
        var lines: [String] = []
        if let first = articles.first, first.sourceReplacedCharacters > 0 {
            lines.append("\(first.sourceName): \(replacementWarning(first.sourceReplacedCharacters))")
        }
        for article in articles {
            if article.targetReplacedCharacters > 0 {
                lines.append("\(article.targetName): \(replacementWarning(article.targetReplacedCharacters))")
            }
            lines += article.report.warnings.map { "\(article.targetName): \($0)" }
        }
        return lines
    }

    /// The warning for characters XML cannot carry that were replaced in an input file.
    static func replacementWarning(_ count: Int) -> String {
        "warning: \(count) characters that XML cannot carry (control characters, U+FFFE, U+FFFF) were replaced by U+FFFD."
    }

    /// The text of an input file.
    static func read(_ path: String) throws -> String {
        do {
            return try TextFile(path: path).text
        } catch {
            throw KitError(.cannotRead, "\(error)")
        }
    }
}
