import ArgumentParser
import Foundation
import TesseraCore
import TesseraKit
import TesseraStorage

/// `--db PATH`: the translation memory file (else `$TESSERA_DB`, else `./tessera.db`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The translation memory file (default: $TESSERA_DB, else ./tessera.db).")
    var path: String?

    /// The resolved location.
    var location: StoreLocation { StoreLocation(option: path) }
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

/// The one parser of every command's `--target` value: comma-separated BCP 47 tags (`de,fr-CA`),
/// `*` for every language. Commands parse here once and hand typed `LanguageTag`s to the use cases.
enum TargetLanguages {
    /// The tags of `text` in order; blanks around an item and empty items are dropped, `*` (or
    /// `*all*`) is the wildcard tag `LanguageTag.all`.
    /// - Throws: `ValidationError` `--target "x" is not a language tag.` for the first bad item.
    static func tags(_ text: String) throws -> [LanguageTag] {
        try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { item in
            guard let tag = item == "*" ? LanguageTag.all : LanguageTag(item) else { throw ValidationError("--target \"\(item)\" is not a language tag.") }
            return tag
        }
    }

    /// ``tags(_:)`` where `*` anywhere in the list means every language: `nil`.
    /// - Throws: `ValidationError` for a bad item or an empty list.
    static func tagsOrEvery(_ text: String) throws -> [LanguageTag]? {
        let tags = try tags(text)
        if tags.contains(where: \.isWildcard) { return nil }
        guard !tags.isEmpty else { throw ValidationError("--target needs at least one language.") }
        return tags
    }
}
