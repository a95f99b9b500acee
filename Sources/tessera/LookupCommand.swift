import ArgumentParser
import Foundation
import TesseraCore
import TesseraKit
import TesseraText

/// `tessera lookup`: fuzzy matches of a sentence, or of every line of a file, in the translation memory.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find exact and fuzzy matches of a sentence (or of each line of a file).",
        discussion: """
            Scores: 101 exact in context, 100 exact, at most 99 otherwise (word-level edit distance, \
            characters for Chinese, Japanese, Korean, Thai and one-word queries; see Docs/MATCHING.md).
            --target takes a language (de finds de-DE and de-AT), a list (de,fr) or * (every language).
            """)

    @Argument(help: "The sentence to look up (omit with --file).")
    var sentence: String?

    @Option(name: .long, help: "A file with one sentence per line (batch lookup).")
    var file: String?

    @Option(name: .long, help: "The language of the sentence.")
    var source: String

    @Option(name: .long, help: "Target language(s): de, de-CH, de,fr or '*'.")
    var target: String = "*"

    @Option(name: .customLong("min"), help: "Lowest score shown (0-101).")
    var minimum: Int = 75

    @Option(name: .customLong("max"), help: "Most matches shown per sentence.")
    var maximum: Int = 5

    @Option(name: .long, help: "The previous source segment: an exact match in this context scores 101.")
    var context: String?

    @Option(name: .long, help: "Batch output: text, tsv (line, score, source, target) or json (JSON Lines).")
    var format: LookupFormat?

    @Flag(name: .long, help: "Print the time of each lookup in milliseconds on standard error (batch).")
    var timings = false

    @Flag(name: .long, help: ArgumentHelp("Score every segment instead of using the index (for measuring recall).", visibility: .hidden))
    var exhaustive = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    enum LookupFormat: String, ExpressibleByArgument, CaseIterable {
        case text, tsv, json
    }

    func validate() throws {
        if (sentence == nil) == (file == nil) { throw ValidationError("Give either a sentence or --file.") }
        guard LanguageTag(source) != nil else { throw ValidationError("--source is not a language tag: \(source)") }
        do { _ = try LookupOptions.targets(from: target) } catch { throw ValidationError("--target: \(error)") }
        guard (0...101).contains(minimum) else { throw ValidationError("--min must be between 0 and 101.") }
        guard maximum >= 1 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() throws {
        do {
            guard let sourceTag = LanguageTag(source) else { throw ValidationError("--source is not a language tag") }
            var options = LookupOptions(
                source: sourceTag, targets: try LookupOptions.targets(from: target), minimum: minimum, limit: maximum,
                context: context)
            options.exhaustive = exhaustive
            let lookup = try Lookup(database: database.location)
            if let sentence {
                let matches = try lookup.run(sentence, options: options)
                if output.json || format == .json {
                    try JSONOutput.print(matches)
                } else {
                    JSONOutput.printText(matches.isEmpty ? "No match at \(minimum)% or more." : Self.text(matches))
                }
                return
            }
            try runBatch(lookup, options: options)
        } catch let error as ValidationError {
            throw error
        } catch {
            JSONOutput.printError("\(error)")
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// One lookup per line of `file`; one output line (TSV or JSON) or block (text) per input line.
    func runBatch(_ lookup: Lookup, options: LookupOptions) throws {
        guard let file else { throw KitError(.invalidOption, "Give --file.") }
        let lines = try TextFile(path: file).lines
        let format = format ?? (output.json ? .json : .tsv)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for line in lines {
            let lineNumber = line.number
            let sentence = String(line.text)
            let started = DispatchTime.now().uptimeNanoseconds
            let matches = sentence.isEmpty ? [] : try lookup.run(sentence, options: options)
            if timings {
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                FileHandle.standardError.write(Data("\(lineNumber)\t\(String(format: "%.3f", milliseconds))\n".utf8))
            }
            switch format {
            case .tsv:
                let best = matches.first
                let fields = ["\(lineNumber)", best.map { "\($0.score)" } ?? "", best?.source ?? "", best?.target ?? ""]
                out.append(Data((fields.map(Self.tsvEscaped).joined(separator: "\t") + "\n").utf8))
            case .json:
                out.append(try encoder.encode(BatchLine(line: lineNumber, query: sentence, matches: matches)))
                out.append(0x0A)
            case .text:
                out.append(Data("\(lineNumber): \(sentence)\n\(matches.isEmpty ? "  no match" : Self.text(matches))\n".utf8))
            }
            if out.count > 1 << 16 {
                FileHandle.standardOutput.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(out)
    }

    /// One JSON Lines record of a batch.
    struct BatchLine: Encodable {
        var line: Int
        var query: String
        var matches: [LookupMatch]
    }

    /// A TSV field: backslash, tab, line feed and carriage return escaped.
    static func tsvEscaped(_ field: String) -> String {
        var out = ""
        for character in field {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Human-readable matches.
    static func text(_ matches: [LookupMatch]) -> String {
        matches.map { match in
            var lines = ["\(match.score)%  [\(match.sourceLanguage)] \(match.source)", "      [\(match.targetLanguage)] \(match.target)"]
            var facts = ["origin \(match.origin.rawValue)"]
            if let tuid = match.tuid { facts.append("tuid \(tuid)") }
            if let created = match.created { facts.append("created \(created)") }
            if let changed = match.changed { facts.append("changed \(changed)") }
            if match.numbersCarried { facts.append("numbers carried from the query") }
            if !match.penalties.isEmpty {
                facts.append("penalties " + match.penalties.map { "\($0.kind.rawValue) -\($0.points)" }.joined(separator: ", "))
            }
            if !match.differingWords.isEmpty { facts.append("differs: " + match.differingWords.joined(separator: " ")) }
            lines.append("      " + facts.joined(separator: "; "))
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
