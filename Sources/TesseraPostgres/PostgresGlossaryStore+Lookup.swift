package import PostgresNIO
package import TesseraStorage

extension PostgresGlossaryStore {
    /// The select list and joins of every key look-up; the caller adds its condition and binds.
    static let keySelect = """
        SELECT t.id, t.concept_id, g.name, c.position, t.position, t.folded, t.stemmed
        FROM term t JOIN concept c ON c.id = t.concept_id JOIN glossary g ON g.id = c.glossary_id
        WHERE t.stemmed <> '' AND
        """

    /// The terms of `language` whose stemmed key text is one of `keys` (index `term_key`, one
    /// array bind for all the keys).
    /// - Complexity: O(k log t) for k keys over t stored terms.
    package func termKeys(language: String, stemmed keys: [String]) throws(StorageError) -> [GlossaryTermKey] {
        let unique = Array(Set(keys.filter { !$0.isEmpty }))
        guard !unique.isEmpty else { return [] }
        return try fetchKeys(Self.stemmedQuery(language: language, keys: unique))
    }

    /// The query of ``termKeys(language:stemmed:)``.
    package static func stemmedQuery(language: String, keys: [String]) -> PostgresQuery {
        "\(unescaped: keySelect) t.base_language = \(language) AND t.stemmed = ANY(\(keys)) ORDER BY t.id"
    }

    /// The terms of `language` whose stemmed key text starts with `prefix` (a byte range on
    /// `term_key`, as in SQLite: the column is `COLLATE "C"`).
    /// - Complexity: O(log t + r) for r rows in the range.
    package func termKeys(language: String, stemmedPrefix prefix: String) throws(StorageError) -> [GlossaryTermKey] {
        guard !prefix.isEmpty else { return [] }
        return try fetchKeys(Self.prefixQuery(language: language, prefix: prefix))
    }

    /// The query of ``termKeys(language:stemmedPrefix:)``.
    package static func prefixQuery(language: String, prefix: String) -> PostgresQuery {
        let end = prefix + "\u{10FFFF}"
        return "\(unescaped: keySelect) t.base_language = \(language) AND t.stemmed >= \(prefix) AND t.stemmed < \(end) ORDER BY t.id"
    }

    /// The terms of `language` whose stemmed keys contain `keys` (joined by one space) as whole
    /// words and that have more words than it: the GIN index `term_words` finds the terms holding
    /// every word of `keys`, and a test of the words in order, space-bounded, keeps the right ones.
    package func termKeys(language: String, containing keys: String) throws(StorageError) -> [GlossaryTermKey] {
        guard !keys.isEmpty else { return [] }
        return try fetchKeys(Self.containingQuery(language: language, keys: keys))
    }

    /// The query of ``termKeys(language:containing:)``.
    package static func containingQuery(language: String, keys: String) -> PostgresQuery {
        let needle = " " + keys + " "
        return """
            \(unescaped: keySelect) t.base_language = \(language) AND t.stemmed <> \(keys)
                AND string_to_array(t.stemmed, ' ') @> string_to_array(\(keys), ' ')
                AND strpos(' ' || t.stemmed || ' ', \(needle)) > 0
            ORDER BY t.id
            """
    }

    /// The keys of the given term ids (unknown ids are left out).
    package func termKeys(ids: [Int64]) throws(StorageError) -> [GlossaryTermKey] {
        guard !ids.isEmpty else { return [] }
        return try fetchKeys("\(unescaped: Self.keySelect) t.id = ANY(\(ids)) ORDER BY t.id")
    }

    /// The term ids and folded texts of `language` whose folded text is `lengths` Unicode scalars
    /// long (a range on `term_folded_length`, which holds the text) and contains at least one of
    /// `pieces` (tested by the server, so only survivors come back).
    /// - Complexity: O(log t + w · m) for the w terms of length m in the window.
    package func foldedTerms(language: String, lengths: ClosedRange<Int>, containingAny pieces: [String]) throws(StorageError)
        -> [(id: Int64, folded: String)]
    {
        guard !pieces.isEmpty else { return [] }
        let logger = pool.logger
        return try read { connection in
            try connection.run(Self.foldedQuery(language: language, lengths: lengths, pieces: pieces), logger: logger).map { row in
                let (id, folded) = try row.decode((Int64, String).self)
                return (id: id, folded: folded)
            }
        }
    }

    /// The query of ``foldedTerms(language:lengths:containingAny:)``.
    package static func foldedQuery(language: String, lengths: ClosedRange<Int>, pieces: [String]) -> PostgresQuery {
        """
        SELECT id, folded FROM term
        WHERE base_language = \(language) AND char_length(folded) BETWEEN \(lengths.lowerBound) AND \(lengths.upperBound)
            AND folded <> '' AND EXISTS (SELECT 1 FROM unnest(\(pieces)::text[]) AS p(piece) WHERE strpos(folded, p.piece) > 0)
        ORDER BY id
        """
    }

    /// Runs a key look-up made of ``keySelect`` and a condition.
    private func fetchKeys(_ query: PostgresQuery) throws(StorageError) -> [GlossaryTermKey] {
        let logger = pool.logger
        return try read { connection in
            try connection.run(query, logger: logger).map { row in
                let (termID, conceptID, glossary, conceptPosition, termPosition, folded, stemmed) =
                    try row.decode((Int64, Int64, String, Int, Int, String, String).self)
                return GlossaryTermKey(
                    termID: termID, conceptID: conceptID, glossary: glossary, conceptPosition: conceptPosition,
                    termPosition: termPosition, folded: folded, stemmed: stemmed)
            }
        }
    }
}
