import ArgumentParser
import TesseraKit

/// `--db PATH`: the translation memory file (else `$TESSERA_DB`, else `./tessera.db`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The translation memory file (default: $TESSERA_DB, else ./tessera.db).")
    var path: String?

    /// The resolved location.
    var location: DatabaseLocation { DatabaseLocation(option: path) }
}

/// `--json`: one JSON document on standard output instead of text.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on standard output (on failure: {\"error\": message, \"status\": 1}).")
    var json = false

    /// The format printed: text, or one JSON document.
    var format: OutputFormat { json ? .json : .text }
}

/// The `--duplicates` values.
enum DuplicatesOption: String, ExpressibleByArgument, CaseIterable {
    case add
    case overwrite
    case keepExisting = "keep-existing"
    case keepNewest = "keep-newest"

    /// The storage policy.
    var policy: ImportDuplicatePolicy {
        switch self {
        case .add: .add
        case .overwrite: .overwrite
        case .keepExisting: .keepExisting
        case .keepNewest: .keepNewest
        }
    }
}

/// The `--format` values of `export`.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case tmx, tsv, json, jsonl

    /// The export format.
    var format: ExportTMXFormat {
        switch self {
        case .tmx: .tmx
        case .tsv: .tsv
        case .json: .json
        case .jsonl: .jsonl
        }
    }
}
