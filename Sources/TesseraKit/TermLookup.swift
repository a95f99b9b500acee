import Foundation
public import TesseraCore
public import TesseraGlossary
import TesseraStorage

/// The `term` and `terms-in` use cases: loads the stored glossaries for the languages asked
/// (once) and answers lookups and sentence scans from a ``TermIndex``.
///
/// ```swift
/// let lookup = try TermLookup(database: location, source: LanguageTag("en")!, targets: [LanguageTag("de")!])
/// lookup.lookup("capability targets").first?.targets.first?.text   // "Fähigkeitsziel"
/// lookup.termsIn("NATO capability targets").first?.start           // 5
/// ```
public struct TermLookup: Sendable {
    /// The source language.
    public var source: LanguageTag
    /// The target languages (empty: every language).
    public var targets: [LanguageTag]
    /// The index over the loaded glossaries.
    public var index: TermIndex

    /// Loads the glossaries of `database` for `source` and `targets`.
    /// - Throws: ``KitError`` `.noDatabase` when the file does not exist; `StorageError`.
    public init(database: DatabaseLocation, source: LanguageTag, targets: [LanguageTag], glossaries names: [String]? = nil) throws {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database.path).") }
        let languages: Set<String>? = targets.isEmpty ? nil : Set([source.language] + targets.map(\.language))
        let glossaries = try GlossaryStore.open(path: database.path).load(names: names, languages: languages)
        self.init(glossaries: glossaries, source: source, targets: targets)
    }

    /// Indexes glossaries already in memory.
    public init(glossaries: [Glossary], source: LanguageTag, targets: [LanguageTag]) {
        self.source = source
        self.targets = targets
        let languages: Set<String>? = targets.isEmpty ? nil : Set([source.language] + targets.map(\.language))
        self.index = TermIndex(glossaries: glossaries, languages: languages)
    }

    /// The concepts found for a term (case, inflection, hyphen tolerant; fuzzy as a last resort).
    public func lookup(_ text: String, limit: Int = 10) -> [TermHit] {
        index.lookup(text, source: source, targets: targets, limit: limit)
    }

    /// The glossary terms in a sentence, longest match first, with UTF-16 offsets.
    public func termsIn(_ sentence: String) -> [TermOccurrence] {
        index.occurrences(in: sentence, source: source, targets: targets)
    }
}
