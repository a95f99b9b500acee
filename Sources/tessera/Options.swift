public import ArgumentParser
import Foundation
import TesseraKit

/// `--db PATH|URL`: the store, an SQLite file or a PostgreSQL URL (else `$TESSERA_DB`, else
/// `./tessera.db`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
            "The store: an SQLite file, or a PostgreSQL URL postgres://USER:PASSWORD@HOST:PORT/DBNAME[?schema=S] (default: $TESSERA_DB, else ./tessera.db).",
            valueName: "path-or-url"))
    var path: String?

    /// The resolved location.
    var location: StoreLocation { StoreLocation(option: path) }
}

/// `--memory NAME`: the memory of the store a unit command reads or writes (default `default`, the
/// `--db` file itself; see `tessera memory`).
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("memory"), help: "The memory to use (default: default, the --db store itself; see tessera memory).")
    var name: MemoryName = .default

    /// The memory's location in the store of `database`.
    /// - Throws: `KitError` `noMemory` for a named memory that does not exist.
    func location(in database: DatabaseOptions) throws -> StoreLocation {
        try MemoryCatalog(database: database.location).location(of: name)
    }
}

extension MemoryName: ExpressibleByArgument {
    /// A `--memory` value: parsed once, when the command line is (a bad name is a usage error).
    init?(argument: String) { self.init(argument) }
}

extension MemorySelection {
    /// A `--memory a,b:5` value (`lookup`, `serve`): parsed once, when the command line is.
    /// - Throws: `ValidationError` with the reason (a usage error).
    static func argument(_ text: String) throws -> MemorySelection {
        do {
            return try MemorySelection(text)
        } catch {
            throw ValidationError(error.message)
        }
    }
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
    var format: ExportMemoryFormat {
        switch self {
        case .tmx: .tmx
        case .tsv: .tsv
        case .json: .json
        case .jsonl: .jsonl
        }
    }
}

extension LanguageTag: ExpressibleByArgument {
    /// A single-language option (`--source en`, `--lang de-CH`): parsed once, when the command
    /// line is; the wildcard `*all*` is not a language here.
    init?(argument: String) {
        guard let tag = LanguageTag(argument), !tag.isWildcard else { return nil }
        self = tag
    }
}

/// A `--target` value parsed once, when the command line is (by ``TargetLanguages``).
struct LanguageList: Hashable, Sendable, CustomStringConvertible {
    /// The tags in order; `*` is `LanguageTag.all`.
    var tags: [LanguageTag]

    /// Parses `text`.
    /// - Throws: `ValidationError` for an item that is not a language tag.
    init(_ text: String) throws { tags = try TargetLanguages.tags(text) }

    /// `*`: every language.
    static let every = LanguageList(tags: [.all])

    private init(tags: [LanguageTag]) { self.tags = tags }

    /// The tags, or `nil` when `*` anywhere in the list means every language.
    /// - Throws: `ValidationError` for an empty list.
    func tagsOrEvery() throws -> [LanguageTag]? {
        if tags.contains(where: \.isWildcard) { return nil }
        guard !tags.isEmpty else { throw ValidationError("--target needs at least one language.") }
        return tags
    }

    /// The list as given, canonicalised (`de,fr-CA`, `*`).
    var description: String { tags.map { $0.isWildcard ? "*" : $0.description }.joined(separator: ",") }
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
