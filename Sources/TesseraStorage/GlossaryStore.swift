package import TesseraCore

/// Stored glossaries as the use cases see them, whatever holds them: whole glossaries in and out,
/// summaries, the term pairs the aligner learns from, and the key look-ups of the stored term
/// index (terms by stemmed key, key prefix, contained keys, folded length; concepts by id).
///
/// Every call is synchronous and thread-safe: a store is opened once and shared, any thread may
/// call any method, and each write runs in one transaction. An async front end (a server) runs the
/// calls on a thread pool.
///
/// Term keys are made by `TermNormalizer` (TesseraText): folded words and stemmed keys, each joined
/// by one space. Languages are primary language subtags (`en`, `de`).
///
/// The SQLite backend is `SQLiteGlossaryStore` (module TesseraSQLite).
package protocol GlossaryStore: Sendable {
    /// Stores a glossary, replacing any glossary of the same name, in one transaction.
    /// - Parameters:
    ///   - glossary: the glossary.
    ///   - origin: where it came from (file names), if known.
    /// - Returns: the counts written.
    /// - Throws: ``StorageError``; nothing is changed then.
    @discardableResult
    func replaceGlossary(_ glossary: Glossary, origin: String?) throws(StorageError) -> GlossaryWriteReport

    /// Deletes a glossary; returns whether it existed.
    @discardableResult
    func deleteGlossary(named name: String) throws(StorageError) -> Bool

    /// The stored glossaries, by name.
    func summaries() throws(StorageError) -> [GlossarySummary]

    /// Loads glossaries with their entries.
    /// - Parameters:
    ///   - names: the glossaries to load; `nil` for all.
    ///   - languages: primary language subtags whose terms to load; `nil` for all.
    /// - Returns: glossaries in name order, entries in import order.
    /// - Throws: ``StorageError`` (`corruptData` for an unreadable stored value).
    func load(names: [String]?, languages: Set<String>?) throws(StorageError) -> [Glossary]

    /// Bilingual term pairs for a language pair, as stemmed key strings: every source term paired
    /// with every target term of the same concept, deprecated and forbidden terms left out, in
    /// term order, distinct.
    func termPairs(source: LanguageTag, target: LanguageTag) throws(StorageError) -> [(String, String)]

    /// The terms of `language` whose stemmed key text is one of `keys`.
    func termKeys(language: String, stemmed keys: [String]) throws(StorageError) -> [GlossaryTermKey]

    /// The terms of `language` whose stemmed key text starts with `prefix`.
    func termKeys(language: String, stemmedPrefix prefix: String) throws(StorageError) -> [GlossaryTermKey]

    /// The terms of `language` whose stemmed keys contain `keys` as whole words and that have more
    /// words than it.
    func termKeys(language: String, containing keys: String) throws(StorageError) -> [GlossaryTermKey]

    /// The keys of the given term ids (unknown ids are left out).
    func termKeys(ids: [Int64]) throws(StorageError) -> [GlossaryTermKey]

    /// The term ids and folded texts of `language` whose folded text is `lengths` Unicode scalars
    /// long and contains at least one of `pieces`.
    func foldedTerms(language: String, lengths: ClosedRange<Int>, containingAny pieces: [String]) throws(StorageError)
        -> [(id: Int64, folded: String)]

    /// Concepts by id with their terms of `languages` (primary subtags; `nil` for all).
    /// - Throws: ``StorageError`` (`corruptData` for an unreadable stored value).
    func concepts(_ ids: [Int64], languages: Set<String>?) throws(StorageError) -> [Int64: StoredConcept]

    /// The id of the first concept with this identifier in the named glossary, if any.
    func conceptRowID(glossary: String, conceptKey: String) throws(StorageError) -> Int64?
}
