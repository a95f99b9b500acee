package import TesseraCore
package import TesseraMatching
package import TesseraStorage

/// Concordance search of a PostgreSQL memory. A placeholder until the concordance engineer's
/// implementation is merged (it replaces this file): no migrations, and every search fails.
package enum PostgresConcordanceSearch {
    /// The migrations of the search (expression indexes on `variant`), appended to the memory's.
    package static let migrations: [PostgresMigration] = []

    /// Not built yet.
    /// - Throws: ``StorageError`` `.postgres` always.
    package static func search(
        _ store: PostgresTranslationStore, query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?,
        limit: Int, pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        throw StorageError(.postgres, "not built")
    }
}

extension PostgresTranslationStore {
    /// Concordance through ``PostgresConcordanceSearch``.
    package func searchConcordance(
        _ query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        try PostgresConcordanceSearch.search(
            self, query: query, language: language, otherLanguage: otherLanguage, limit: limit, pairFilter: pairFilter)
    }
}
