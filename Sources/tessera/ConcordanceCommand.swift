import ArgumentParser
import Foundation
import TesseraCore
import TesseraKit

/// `tessera concordance`: the segments containing a phrase, hits marked, the other language alongside.
struct ConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find the segments that contain a phrase or words, with their translations.",
        discussion: """
            Words also find their inflected forms (line: lines) in English, German, French, Spanish, \
            Italian and Turkish; "quoted words" find only themselves; a word ending in * is a prefix; \
            symbols and emoji are found as written. NEAR, -, : and parentheses are searched as text. \
            Chinese, Japanese, Korean and Thai are searched by substring (trigrams).
            --pair takes en-de or, for regional tags, en:pt-BR.
            """)

    @Argument(help: "The phrase or words to find.")
    var phrase: String?

    @Option(name: .long, help: "A file of phrases, one a line, searched with one open memory (results in order).")
    var file: String?

    @Flag(name: .long, help: "With --file: write each phrase's search time (line, milliseconds) to stderr.")
    var timings = false

    @Option(name: .long, help: "The language searched (default: the pair's source).")
    var lang: String?

    @Option(name: .long, help: "A language pair, e.g. en-de or en:pt-BR: search one side, show the other.")
    var pair: String?

    @Option(name: .long, help: "With --pair: search the source or the target side.")
    var side: Side = .source

    @Flag(name: .long, help: "Find all the words anywhere in the segment instead of the phrase.")
    var words = false

    @Option(name: .customLong("max"), help: "Most segments shown.")
    var maximum: Int = 20

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    enum Side: String, ExpressibleByArgument, CaseIterable {
        case source, target
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
            guard let (source, target) = Self.parsePair(pair) else { throw ValidationError("--pair is not two language tags: \(pair)") }
            return side == .source ? (source, target) : (target, source)
        }
        guard let lang, let tag = LanguageTag(lang) else { throw ValidationError("Give --lang or --pair.") }
        return (tag, nil)
    }

    func validate() throws {
        _ = try languages()
        guard (phrase == nil) != (file == nil) else { throw ValidationError("Give a phrase or --file, not both.") }
        guard maximum >= 1 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() throws {
        do {
            let (language, other) = try languages()
            if let file {
                try runFile(file, language: language, other: other)
                return
            }
            let phrase = self.phrase ?? ""
            let result = try Concordance(database: database.location).run(
                phrase, language: language, other: other, mode: words ? .words : .phrase, limit: maximum,
                open: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[1m" : "«"), close: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[0m" : "»"))
            if output.json {
                try JSONOutput.print(result.lines)
                return
            }
            if result.lines.isEmpty { JSONOutput.printText("No segment contains \(phrase).") }
            for line in result.lines {
                var text = "[\(line.language)] \(line.highlighted)"
                for other in line.others { text += "\n    [\(other.language)] \(other.text)" }
                JSONOutput.printText(text)
            }
            if result.isCut { JSONOutput.printText("showing \(result.lines.count) of \(result.total) (--max \(maximum))") }
        } catch let error as ValidationError {
            throw error
        } catch {
            JSONOutput.printError("\(error)")
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// `--file`: one search per line, each result as `LINE<TAB>hits<TAB>first hit` (or a JSON line).
    func runFile(_ path: String, language: LanguageTag, other: LanguageTag?) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("Cannot read \(path) as UTF-8 text.")
        }
        let phrases = text.split(whereSeparator: \.isNewline).map(String.init)
        let results = try Concordance(database: database.location).run(
            phrases: phrases, language: language, other: other, mode: words ? .words : .phrase, limit: maximum, open: "«", close: "»"
        ) { number, milliseconds in
            if timings { FileHandle.standardError.write(Data("\(number)\t\(String(format: "%.3f", milliseconds))\n".utf8)) }
        }
        var out = ""
        for (number, result) in results.enumerated() {
            out += "\(number + 1)\t\(result.lines.count)\t\(result.lines.first?.highlighted ?? "")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
