import ArgumentParser
import Foundation
import TesseraKit

/// `tessera concordance`: the segments containing a phrase, hits marked, the other language alongside.
struct ConcordanceCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find the segments that contain a phrase or words, with their translations.",
        discussion: """
            Words also find their inflected forms (line: lines) in English, German, French, Spanish, \
            Italian and Turkish; "quoted words" find only themselves; a word ending in * is a prefix; \
            symbols and emoji are found as written. NEAR, -, : and parentheses are searched as text. \
            Chinese, Japanese, Korean and Thai are searched by substring (trigrams).
            --pair takes en-de or, for regional tags, en:pt-BR.
            With --file, text output is one line per phrase: LINE<TAB>segments found (at most --max)<TAB>the \
            first one, hits between « »; --json prints one document {"results": [{"line", "phrase", "segments", "total"}]}.
            """)

    @Argument(help: "The phrase or words to find.")
    var phrase: String?

    @Option(name: .long, help: "A file of phrases, one a line, searched with one open memory (results in order).")
    var file: String?

    @Flag(name: .long, help: "With --file: write each phrase's search time (line, milliseconds) to stderr.")
    var timings = false

    @Option(name: .long, help: "The language searched, all others shown (without --pair).")
    var lang: LanguageTag?

    @Option(
        name: .long, help: "A language pair, e.g. en-de or en:pt-BR: search one side, show the other.",
        transform: LanguagePair.init)
    var pair: LanguagePair?

    @Option(name: .long, help: "With --pair: search the source (default) or the target side.")
    var side: Side?

    @Flag(name: .long, help: "Find all the words anywhere in the segment instead of the phrase.")
    var words = false

    @Option(name: .customLong("max"), help: "Most segments shown.")
    var maximum: Int = 20

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var memory: MemoryOptions
    @OptionGroup var output: OutputOptions

    enum Side: String, ExpressibleByArgument, CaseIterable {
        case source, target
    }

    /// A `--pair` value, parsed once when the command line is.
    struct LanguagePair: Hashable, Sendable {
        /// The first language and the second.
        var first, second: LanguageTag

        /// Parses `en-de`, `en:pt-BR` or `en,de`.
        /// - Throws: `ValidationError` when `text` is not two language tags.
        init(_ text: String) throws {
            guard let (first, second) = ConcordanceCommand.parsePair(text) else {
                throw ValidationError("--pair is not two language tags: \(text)")
            }
            (self.first, self.second) = (first, second)
        }
    }

    /// Splits `en-de`, `en:pt-BR`, `en,de` into two tags.
    static func parsePair(_ text: String) -> (LanguageTag, LanguageTag)? {
        for separator in [":", ",", "/"] where text.contains(separator) {
            let parts = text.split(separator: Character(separator), maxSplits: 1).map(String.init)
            guard parts.count == 2, let a = LanguageTag(parts[0]), let b = LanguageTag(parts[1]) else { return nil }
            return (a, b)
        }
        guard let hyphen = text.lastIndex(of: "-") else { return nil }
        guard let a = LanguageTag(String(text[..<hyphen])), let b = LanguageTag(String(text[text.index(after: hyphen)...])) else { return nil }
        return (a, b)
    }

    /// The language searched and the one shown alongside.
    func languages() throws -> (LanguageTag, LanguageTag?) {
        if let pair {
            if lang != nil { throw ValidationError("Give --lang or --pair, not both (--side picks the side of a pair).") }
            return side == .target ? (pair.second, pair.first) : (pair.first, pair.second)
        }
        if side != nil { throw ValidationError("--side goes with --pair.") }
        guard let lang else { throw ValidationError("Give --lang or --pair.") }
        return (lang, nil)
    }

    func validate() throws {
        _ = try languages()
        guard (phrase == nil) != (file == nil) else { throw ValidationError("Give a phrase or --file, not both.") }
        guard maximum >= 1 else { throw ValidationError("--max must be at least 1.") }
        if timings, file == nil { throw ValidationError("--timings goes with --file.") }
    }

    var printsJSON: Bool { output.json }

    func run() throws {
        let (language, other) = try languages()
        if let file {
            try runFile(file, language: language, other: other)
            return
        }
        let phrase = self.phrase ?? ""
        let result = try Concordance(database: try memory.location(in: database)).run(
            phrase, language: language, other: other, mode: words ? .words : .phrase, limit: maximum,
            open: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[1m" : "«"), close: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[0m" : "»"))
        if output.json {
            try JSONOutput.print(result)
            return
        }
        if result.lines.isEmpty { JSONOutput.printText("No segment contains \(phrase).") }
        for line in result.lines {
            var text = "[\(line.language)] \(line.highlighted)"
            for other in line.others { text += "\n    [\(other.language)] \(other.text)" }
            JSONOutput.printText(text)
        }
        if result.isCut { JSONOutput.printText("showing \(result.lines.count) of \(result.total) (--max \(maximum))") }
    }

    /// `--file` (``BatchFile``): one search per line, each result as `LINE<TAB>segments<TAB>first
    /// segment`, or one JSON document with every phrase's segments.
    func runFile(_ path: String, language: LanguageTag, other: LanguageTag?) throws {
        let queries = try BatchFile.queries(path)
        let results = try Concordance(database: try memory.location(in: database)).run(
            batch: queries, language: language, other: other, mode: words ? .words : .phrase, limit: maximum,
            open: output.json ? "" : "«", close: output.json ? "" : "»"
        ) { line, milliseconds in
            if timings { BatchFile.printTiming(line: line, milliseconds: milliseconds) }
        }
        if output.json {
            try JSONOutput.print(FileDocument(results: zip(queries, results).map {
                FileResult(line: $0.0.line, phrase: $0.0.text, segments: $0.1.lines, total: $0.1.total)
            }))
            return
        }
        var out = ""
        for (query, result) in zip(queries, results) {
            out += "\(query.line)\t\(result.lines.count)\t\(result.lines.first?.highlighted ?? "")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// One phrase of `--file --json`.
    struct FileResult: Encodable {
        var line: Int
        var phrase: String
        var segments: [Concordance.Line]
        var total: Int
    }

    /// The `--file --json` document.
    struct FileDocument: Encodable {
        var results: [FileResult]
    }
}
