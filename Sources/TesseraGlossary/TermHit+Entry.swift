public import TesseraCore

extension TermHit {
    /// The hit for one term of a concept entry: the target terms picked from the entry (preferred
    /// first, by ``TermEntry/terms(in:)``) and a definition (target language first, then the
    /// term's language, then any). Shared by the in-memory ``TermIndex`` and the database-backed
    /// lookup so that both answer alike.
    ///
    /// ```swift
    /// TermHit(glossary: "defence", entry: entry, termIndex: 0, match: .exact, distance: 0,
    ///         source: LanguageTag("en")!, targets: [LanguageTag("de")!]).targets.first?.text
    /// ```
    /// - Parameters:
    ///   - glossary: The glossary name.
    ///   - entry: The concept entry (with the terms of the loaded languages).
    ///   - termIndex: The position of the matched term in `entry.terms`.
    ///   - match: How the query matched.
    ///   - distance: Edit distance (fuzzy) or extra words (partial); 0 otherwise.
    ///   - source: The query language.
    ///   - targets: The answer languages; empty for every language but the source.
    public init(
        glossary: String, entry: TermEntry, termIndex: Int, match: MatchKind, distance: Int, source: LanguageTag,
        targets: [LanguageTag]
    ) {
        let term = entry.terms[termIndex]
        var targetTerms: [Term] = []
        if targets.isEmpty {
            targetTerms = entry.terms.filter { !$0.language.sharesLanguage(with: source) }
        } else {
            for target in targets { targetTerms.append(contentsOf: entry.terms(in: target)) }
        }
        let definition =
            targets.lazy.compactMap { entry.definitions[$0.description] ?? entry.definitions[$0.language] }.first
            ?? entry.definition(in: term.language)
            ?? entry.definitions.values.first
        self.init(
            glossary: glossary, conceptID: entry.id, subject: entry.subject, match: match, distance: distance, source: term,
            targets: targetTerms, definition: definition, note: entry.notes[""])
    }
}
