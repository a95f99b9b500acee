import ArgumentParser
import Foundation
import TesseraKit

/// `tessera lookup`: fuzzy matches of a sentence, or of every line of a file, in the translation memory.
struct LookupCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find exact and fuzzy matches of a sentence (or of each line of a file).",
        discussion: """
            Scores: 101 exact in context, 100 exact, at most 99 otherwise (word-level edit distance, \
            characters for Chinese, Japanese, Korean, Thai and one-word queries; see Docs/MATCHING.md).
            --target takes a language (de finds de-DE and de-AT), a list (de,fr) or * (every language).

            With --file: --format tsv (the default) prints a header row and one row per match \
            (line, rank, score, source_language, target_language, source, target; a line without a \
            match keeps one row with empty match fields), text prints a block per line, json (or \
            --json) one document {"results": [{"line", "query", "matches"}]}, jsonl one such record a line.
            """)

    @Argument(help: "The sentence to look up (omit with --file).")
    var sentence: String?

    @Option(name: .long, help: "A file with one sentence per line (batch lookup).")
    var file: String?

    @Option(name: .long, help: "The language of the sentence.")
    var source: LanguageTag

    @Option(name: .long, help: "Target language(s): de, de-CH, de,fr or '*'. (default: *)", transform: LanguageList.init)
    var target: LanguageList = .every

    @Option(name: .customLong("min"), help: "Lowest score shown (0-101).")
    var minimum: Int = 75

    @Option(name: .customLong("max"), help: "Most matches shown per sentence.")
    var maximum: Int = 5

    @Option(name: .long, help: "The previous source segment: an exact match in this context scores 101.")
    var context: String?

    @Option(name: .long, help: "With --file: tsv (default), text, json (one document) or jsonl (JSON Lines).")
    var format: OutputFormat?

    @Flag(name: .long, help: "With --file: print the time of each lookup in milliseconds on standard error.")
    var timings = false

    @Flag(name: .long, help: ArgumentHelp("Score every segment instead of using the index (for measuring recall).", visibility: .hidden))
    var exhaustive = false

    @Option(
        name: .customLong("memory"),
        help: "The memories to search in priority order, each with a penalty in points: a,b:5,c:10 (default: default).",
        transform: MemorySelection.argument)
    var memories: MemorySelection = .default

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    /// The format printed: text or json for one sentence; tsv, text, json or jsonl for a file.
    var outputFormat: OutputFormat {
        get throws {
            if file == nil {
                if format != nil { throw ValidationError("--format is for batch lookups (--file); use --json for one sentence.") }
                return output.format
            }
            return try OutputFormat.resolve(json: output.json, format: format, allowed: [.tsv, .text, .json, .jsonl], default: .tsv)
        }
    }

    var printsJSON: Bool { (try? outputFormat) == .json }

    func validate() throws {
        if (sentence == nil) == (file == nil) { throw ValidationError("Give either a sentence or --file.") }
        _ = try target.tagsOrEvery()
        guard (0...101).contains(minimum) else { throw ValidationError("--min must be between 0 and 101.") }
        guard maximum >= 1 else { throw ValidationError("--max must be at least 1.") }
        if timings, file == nil { throw ValidationError("--timings is for batch lookups (--file).") }
        _ = try outputFormat
    }

    func run() throws {
        let format = try outputFormat
        var options = LookupOptions(
            source: source, targets: try target.tagsOrEvery(), minimum: minimum, limit: maximum,
            context: context)
        options.exhaustive = exhaustive
        guard let sentence else {
            let queries = try BatchFile.queries(file ?? "")
            return try runBatch(try lookup(), queries: queries, options: options, format: format)
        }
        let lookup = try lookup()
        let matches = try lookup.run(sentence, options: options)
        if format == .json {
            try JSONOutput.print(matches)
        } else {
            JSONOutput.printText(matches.isEmpty ? "No match at \(minimum)% or more." : Self.text(matches))
        }
    }

    /// The lookup over the `--memory` list of the `--db` store.
    func lookup() throws -> MemoryLookup {
        try MemoryLookup(memories, in: MemoryCatalog(database: database.location))
    }

    /// One lookup per line of `file` (``BatchFile``): TSV rows, a text block, a JSON Lines record
    /// per line, or one JSON document.
    func runBatch(_ lookup: MemoryLookup, queries: [QueryFile.Query], options: LookupOptions, format: OutputFormat) throws {
        let results = try lookup.run(batch: queries, options: options) { line, milliseconds in
            if timings { BatchFile.printTiming(line: line, milliseconds: milliseconds) }
        }
        if format == .json { return try JSONOutput.print(BatchDocument(results: results)) }
        var out = Data()
        if format == .tsv { out.append(Data((Lookup.BatchResult.tsvHeader.joined(separator: "\t") + "\n").utf8)) }
        for result in results {
            switch format {
            case .tsv:
                out.append(Data(result.tsvRows.utf8))
            case .jsonl:
                out.append(try JSONOutput.record(result))
            case .json, .text:
                out.append(Data("\(result.line): \(result.query)\n\(result.matches.isEmpty ? "  no match" : Self.text(result.matches))\n".utf8))
            }
            if out.count > 1 << 16 {
                FileHandle.standardOutput.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(out)
    }

    /// The `--json` document of a batch.
    struct BatchDocument: Encodable {
        var results: [Lookup.BatchResult]
    }

    /// Human-readable matches.
    static func text(_ matches: [LookupMatch]) -> String {
        matches.map { match in
            var lines = ["\(match.score)%  [\(match.sourceLanguage)] \(match.source)", "      [\(match.targetLanguage)] \(match.target)"]
            var facts = ["origin \(match.origin.rawValue)"]
            if let memory = match.memory, !memory.isDefault || match.memoryPenalty > 0 {
                facts.append(match.memoryPenalty > 0 ? "memory \(memory) -\(match.memoryPenalty)" : "memory \(memory)")
            }
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
