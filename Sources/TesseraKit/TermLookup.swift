import Foundation
public import TesseraCore
public import TesseraGlossary
import TesseraStorage

/// The `term`, `terms-in` and `check` use cases over the stored glossaries.
///
/// Opened on a database it answers from the stored keys (``StoredTermIndex``: indexed SQL lookups,
/// nothing loaded at start-up), which is what a one-shot CLI process wants; built from glossaries
/// in memory it uses a ``TermIndex``. Both answer alike.
///
/// ```swift
/// let lookup = try TermLookup(database: location, source: LanguageTag("en")!, targets: [LanguageTag("de")!])
/// try lookup.lookup("capability targets").first?.targets.first?.text   // "Fähigkeitsziel"
/// try lookup.termsIn("NATO capability targets").first?.start           // 5
/// ```
public struct TermLookup: Sendable {
    /// Where the answers come from.
    package enum Backend: Sendable {
        /// Glossaries indexed in memory.
        case memory(TermIndex)
        /// Keys read from the database per question.
        case stored(StoredTermIndex)
    }

    /// The source language.
    public var source: LanguageTag
    /// The target languages (empty: every language).
    public var targets: [LanguageTag]
    /// The index answering.
    package var backend: Backend

    /// Opens the glossaries of `database` for `source` and `targets` (nothing is loaded).
    /// - Parameters:
    ///   - database: The database file.
    ///   - source: The query language.
    ///   - targets: The answer languages; empty for all.
    ///   - names: The glossaries to consult; `nil` for all.
    /// - Throws: ``KitError`` `.noDatabase` when the file does not exist; `StorageError`.
    public init(database: StoreLocation, source: LanguageTag, targets: [LanguageTag], glossaries names: [String]? = nil) throws {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database).") }
        let store = try StoreOpener.glossaryStore(database)
        self.source = source
        self.targets = targets
        backend = .stored(StoredTermIndex(store: store, languages: Self.languages(source: source, targets: targets), glossaries: names))
    }

    /// Answers from the glossaries of an open session (a server): the session's glossary store,
    /// opened once and shared, nothing loaded; terms imported later are seen at once.
    /// - Parameters:
    ///   - session: The open memory.
    ///   - source: The query language.
    ///   - targets: The answer languages; empty for all.
    ///   - names: The glossaries to consult; `nil` for all.
    /// - Throws: ``KitError`` `.closed`; `StorageError`.
    public init(session: TranslationMemory, source: LanguageTag, targets: [LanguageTag], glossaries names: [String]? = nil) throws {
        let store = try session.glossaryStore()
        self.source = source
        self.targets = targets
        backend = .stored(StoredTermIndex(store: store, languages: Self.languages(source: source, targets: targets), glossaries: names))
    }

    /// Indexes glossaries already in memory.
    public init(glossaries: [Glossary], source: LanguageTag, targets: [LanguageTag]) {
        self.source = source
        self.targets = targets
        backend = .memory(TermIndex(glossaries: glossaries, languages: Self.languages(source: source, targets: targets)))
    }

    /// Loads every glossary of `database` into a ``TermIndex`` (the former start-up path; kept for
    /// the benchmark's comparison and for many questions in one process).
    /// - Throws: ``KitError`` `.noDatabase`; `StorageError`.
    public static func loaded(database: StoreLocation, source: LanguageTag, targets: [LanguageTag], glossaries names: [String]? = nil)
        throws -> TermLookup
    {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database).") }
        let glossaries = try StoreOpener.glossaryStore(database).load(names: names, languages: languages(source: source, targets: targets).map { Set($0.map(\.language)) })
        return TermLookup(glossaries: glossaries, source: source, targets: targets)
    }

    /// The primary languages to answer in: source and targets, or all when no target is named.
    static func languages(source: LanguageTag, targets: [LanguageTag]) -> [LanguageTag]? {
        targets.isEmpty ? nil : [source] + targets
    }

    /// The concepts found for a term (case, inflection, hyphen tolerant; fuzzy as a last resort).
    /// - Throws: `StorageError` when the database cannot be read.
    public func lookup(_ text: String, limit: Int = 10) throws -> [TermHit] {
        switch backend {
        case .memory(let index): index.lookup(text, source: source, targets: targets, limit: limit)
        case .stored(let index): try index.lookup(text, source: source, targets: targets, limit: limit)
        }
    }

    /// The glossary terms in a sentence, longest match first, with UTF-16 offsets.
    /// - Throws: `StorageError` when the database cannot be read.
    public func termsIn(_ sentence: String) throws -> [TermOccurrence] {
        try occurrences(in: sentence, source: source, targets: targets)
    }

    /// The glossary terms in a sentence of any indexed language (the check reads both sides).
    /// - Throws: `StorageError` when the database cannot be read.
    public func occurrences(in sentence: String, source: LanguageTag, targets: [LanguageTag]) throws -> [TermOccurrence] {
        switch backend {
        case .memory(let index): index.occurrences(in: sentence, source: source, targets: targets)
        case .stored(let index): try index.occurrences(in: sentence, source: source, targets: targets)
        }
    }

    /// Every term of a concept in the indexed languages.
    /// - Throws: `StorageError` when the database cannot be read.
    public func terms(ofConcept conceptID: String, glossary: String) throws -> [Term] {
        switch backend {
        case .memory(let index): index.terms(ofConcept: conceptID, glossary: glossary)
        case .stored(let index): try index.terms(ofConcept: conceptID, glossary: glossary)
        }
    }
}
