import ArgumentParser
import Foundation
import TesseraCore
import TesseraKit
import TesseraText

/// `tessera concordance`: the segments containing a phrase, hits marked, the other language alongside.
struct ConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find the segments that contain a phrase or words, with their translations.",
        discussion: """
            Quotes, *, NEAR, - and other FTS5 syntax in the phrase are searched as text; a word ending \
            in * is a prefix. Chinese, Japanese, Korean and Thai are searched by substring (trigrams).
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
            let lines = try Concordance(database: database.location).run(
                phrase, language: language, other: other, mode: words ? .words : .phrase, limit: maximum,
                open: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[1m" : "«"), close: output.json ? "" : (isatty(1) != 0 ? "\u{1B}[0m" : "»"))
            if output.json {
                try JSONOutput.print(lines)
                return
            }
            if lines.isEmpty { JSONOutput.printText("No segment contains \(phrase).") }
            for line in lines {
                var text = "[\(line.language)] \(line.highlighted)"
                for other in line.others { text += "\n    [\(other.language)] \(other.text)" }
                JSONOutput.printText(text)
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            JSONOutput.printError("\(error)")
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// `--file`: one search per line, each result as `LINE<TAB>hits<TAB>first hit` (or a JSON line).
    func runFile(_ path: String, language: LanguageTag, other: LanguageTag?) throws {
        let phrases = try TextFile(path: path).lines.filter { !$0.text.isEmpty }.map { String($0.text) }
        let results = try Concordance(database: database.location).run(
            phrases: phrases, language: language, other: other, mode: words ? .words : .phrase, limit: maximum, open: "«", close: "»"
        ) { number, milliseconds in
            if timings { FileHandle.standardError.write(Data("\(number)\t\(String(format: "%.3f", milliseconds))\n".utf8)) }
        }
        var out = ""
        for (number, lines) in results.enumerated() {
            out += "\(number + 1)\t\(lines.count)\t\(lines.first?.highlighted ?? "")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
