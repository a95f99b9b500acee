import Foundation
public import TesseraCore
import TesseraGlossary
import TesseraStorage

/// The `glossary import` use case: reads TBX, CSV/TSV and OmegaT files into one named glossary
/// and stores it in the database, replacing a glossary of the same name. Every file is read
/// before anything is written, and the write is one transaction: a failed import changes nothing.
///
/// ```swift
/// let report = try GlossaryImport(files: ["defence.tbx"], name: nil, database: location).run()
/// report.concepts   // 120
/// ```
public struct GlossaryImport: Sendable {
    /// What the import did.
    public struct Report: Hashable, Sendable, Codable {
        /// The glossary name.
        public var glossary: String
        /// The files read.
        public var files: [String]
        /// Concepts stored.
        public var concepts: Int
        /// Terms stored.
        public var terms: Int
        /// Languages with terms.
        public var languages: [String]
        /// Whether a glossary of that name was replaced.
        public var replaced: Bool
        /// Seconds spent.
        public var seconds: Double
        /// Problems a lenient import stored anyway, one per problem (`FILE:LINE:COLUMN: warning: ...`).
        public var warnings: [String] = []
        /// Characters XML cannot carry (control characters, U+FFFE, U+FFFF) that CSV/TSV files held
        /// and that were replaced by U+FFFD (`XMLCharacterPolicy`).
        public var replacedCharacters: Int

        /// One line for the terminal (two when characters were replaced).
        public var summary: String {
            "Imported \(Plural.count(concepts, "concept")), \(Plural.count(terms, "term")) (\(languages.joined(separator: ", "))) into glossary \"\(glossary)\""
                + (replaced ? " (replaced)" : "") + (warnings.isEmpty ? "" : ", \(Plural.count(warnings.count, "warning"))")
                + String(format: " in %.2f s.", seconds)
                + (replacedCharacters > 0
                    ? "\nWarning: \(Plural.count(replacedCharacters, "character")) that XML cannot carry replaced by U+FFFD." : "")
        }
    }

    /// The files to read.
    public var files: [String]
    /// The glossary name; default: the first file's name without extension.
    public var name: String?
    /// The database.
    public var database: StoreLocation
    /// Source and target languages for headerless delimited files (OmegaT layout).
    public var languages: (LanguageTag, LanguageTag)?
    /// Whether TBX structure and picklist problems are stored with a warning each instead of
    /// failing the import.
    public var lenient: Bool

    /// Creates the use case.
    public init(
        files: [String], name: String?, database: StoreLocation, languages: (LanguageTag, LanguageTag)? = nil,
        lenient: Bool = false
    ) {
        self.files = files
        self.name = name
        self.database = database
        self.languages = languages
        self.lenient = lenient
    }

    /// Reads every file (throwing `GlossaryError` with file and line), then stores the glossary.
    public func run() throws -> Report {
        let started = Date()
        var entries: [TermEntry] = []
        var warnings: [GlossaryWarning] = []
        var replacedCharacters = 0
        for file in files {
            entries.append(
                contentsOf: try GlossaryFileReader.read(
                    path: file, languages: languages, lenient: lenient, warnings: &warnings,
                    replacedCharacters: &replacedCharacters))
        }
        let glossaryName = name ?? files.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "glossary"
        let glossary = Glossary(name: glossaryName, entries: entries)
        let store = try StoreOpener.glossaryStore(database)
        let written = try store.replaceGlossary(
            glossary, origin: files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
        return Report(
            glossary: glossaryName, files: files, concepts: written.concepts, terms: written.terms,
            languages: glossary.languages.map(\.description), replaced: written.replaced,
            seconds: Date().timeIntervalSince(started), warnings: warnings.map(\.description),
            replacedCharacters: replacedCharacters)
    }
}
