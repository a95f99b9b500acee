package import TesseraCore
package import TesseraGlossary
package import TesseraStorage
import TesseraText

/// Answers `term`, `terms-in` and `check` straight from the database, with the folded and stemmed
/// keys stored beside each term, so a process never loads or re-normalises a whole glossary:
/// start-up is opening the file, and each question is a handful of indexed SQL queries.
///
/// It answers exactly as a ``TermIndex`` built over the same glossaries (same match kinds, same
/// order, same hits): both run `TermSearch`, the one lookup algorithm, and differ only in where
/// the candidates come from (`StoredTermIndex+Candidates.swift`). The stored candidates come from:
/// 1. exact or stem: the query's stemmed keys equal a term's (`term_key` index); for a hyphenated
///    or spaced query, the parts written as one word;
/// 2. languages without a stemmer: word prefixes of at least half of each word, read as a range
///    query on `term_key` from the first word's shortest allowed prefix;
/// 3. terms that contain the query's keys as whole words (one scan of the language's part of the
///    `term_key` index, no table reads);
/// 4. fuzzy: the terms in the length window `query ± budget` (range query on the covering
///    `term_folded_length` index) that contain one of `budget + 1` disjoint pieces of the query
///    (pigeonhole: lossless; tested by SQLite's `instr`), a character-profile bound, then the edit
///    distance.
///
/// A sentence is scanned by looking up every run of consecutive word keys (its n-grams, punctuation
/// breaks a run) in one `IN` query, and the longest match wins as in ``TermMatcher``.
///
/// ```swift
/// let index = StoredTermIndex(store: try GlossaryStore.open(path: "tessera.db"), languages: [LanguageTag("en")!, LanguageTag("de")!])
/// try index.lookup("Capability-Targets", source: LanguageTag("en")!, targets: [LanguageTag("de")!])
/// ```
///
/// - Complexity: exact lookup O(log t); prefix O(log t + r); partial O(t) index entries; fuzzy
///   O(log t + w · k²) for the w terms in the length window; a sentence of n tokens O(n² log t) with
///   n² bounded by the runs between punctuation.
package struct StoredTermIndex: Sendable {
    /// The glossary database.
    package let store: any GlossaryStore
    /// Primary language subtags whose terms are answered (`nil` for all), as a ``TermIndex``
    /// built with the same `languages` would hold.
    package let languages: Set<String>?
    /// The glossaries consulted (`nil` for all).
    package let glossaries: Set<String>?

    /// Creates the index over an open store.
    /// - Parameters:
    ///   - store: The glossary database.
    ///   - languages: The languages to answer in (their primary subtags are what the store keys
    ///     terms by); `nil` for all.
    ///   - glossaries: Glossary names to consult; `nil` for all.
    package init(store: any GlossaryStore, languages: [LanguageTag]? = nil, glossaries: [String]? = nil) {
        self.store = store
        self.languages = languages.map { Set($0.map(\.language)) }
        self.glossaries = glossaries.map(Set.init)
    }

    /// The concept entries found for a term, best first (as ``TermIndex/lookup(_:source:targets:limit:)``).
    /// - Throws: `StorageError`.
    package func lookup(_ text: String, source: LanguageTag, targets: [LanguageTag], limit: Int = 10) throws -> [TermHit] {
        if let languages, !languages.contains(source.language) { return [] }
        let chosen = try TermSearch.lookup(text, source: source, limit: limit, in: self)
        let concepts = try store.concepts(chosen.map(\.term.conceptID), languages: languages)
        return chosen.compactMap { key, kind, distance in
            hit(key, concepts: concepts, kind: kind, distance: distance, source: source, targets: targets)
        }
    }

    /// Every glossary term in a sentence, longest match first, with UTF-16 offsets (as
    /// ``TermIndex/occurrences(in:source:targets:)``).
    /// - Throws: `StorageError`.
    package func occurrences(in sentence: String, source: LanguageTag, targets: [LanguageTag]) throws -> [TermOccurrence] {
        let language = source.language
        if let languages, !languages.contains(language) { return [] }
        let normalizer = TermNormalizer(language: source.base)
        let tokens = normalizer.keyTokens(of: sentence)
        let keys = tokens.map(\.key)
        var grams = Set<String>()
        for start in keys.indices where !keys[start].isEmpty {
            var gram = ""
            for position in start..<keys.count {
                guard !keys[position].isEmpty else { break }
                gram += (gram.isEmpty ? "" : " ") + keys[position]
                grams.insert(gram)
            }
        }
        let stored = try keysFor(store.termKeys(language: language, stemmed: Array(grams))).sorted(by: GlossaryTermKey.inIndexOrder)
        guard !stored.isEmpty else { return [] }
        var matcher = TermMatcher()
        for (value, key) in stored.enumerated() {
            matcher.insert(keys: key.stemmed.split(separator: " ").map(String.init), value: value)
        }
        let matches = matcher.matches(in: keys)
        let concepts = try store.concepts(matches.flatMap { $0.values.map { stored[$0].conceptID } }, languages: languages)
        let utf16 = Array(sentence.utf16)
        return matches.map { match in
            let start = tokens[match.tokens.lowerBound].range.lowerBound
            let end = tokens[match.tokens.upperBound - 1].range.upperBound
            let folded = tokens[match.tokens].map(\.folded).joined(separator: " ")
            var seen = Set<Int64>()
            let hits = match.values.compactMap { value -> TermHit? in
                let key = stored[value]
                guard seen.insert(key.conceptID).inserted else { return nil }
                return hit(key, concepts: concepts, kind: key.folded == folded ? .exact : .stem, distance: 0, source: source, targets: targets)
            }
            let text = String(decoding: utf16[start..<end], as: UTF16.self)
            return TermOccurrence(start: start, end: end, text: text, hits: hits)
        }
    }

    /// Every term of a concept in the answered languages (as ``TermIndex/terms(ofConcept:glossary:)``).
    /// - Throws: `StorageError`.
    package func terms(ofConcept conceptID: String, glossary: String) throws -> [Term] {
        if let glossaries, !glossaries.contains(glossary) { return [] }
        guard let row = try store.conceptRowID(glossary: glossary, conceptKey: conceptID) else { return [] }
        return try store.concepts([row], languages: languages)[row]?.entry.terms ?? []
    }

    /// The stored keys of the consulted glossaries.
    func keysFor(_ keys: [GlossaryTermKey]) -> [GlossaryTermKey] {
        guard let glossaries else { return keys }
        return keys.filter { glossaries.contains($0.glossary) }
    }

    /// The hit for a stored term (nil if its concept vanished between two reads).
    func hit(
        _ key: GlossaryTermKey, concepts: [Int64: StoredConcept], kind: TermHit.MatchKind, distance: Int,
        source: LanguageTag, targets: [LanguageTag]
    ) -> TermHit? {
        guard let concept = concepts[key.conceptID], let termIndex = concept.termIDs.firstIndex(of: key.termID) else { return nil }
        return TermHit(
            glossary: concept.glossary, entry: concept.entry, termIndex: termIndex, match: kind, distance: distance, source: source,
            targets: targets)
    }
}
