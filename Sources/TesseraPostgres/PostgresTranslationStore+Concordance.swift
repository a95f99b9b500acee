package import TesseraCore
package import TesseraMatching
package import TesseraStorage

extension PostgresTranslationStore {
    /// Concordance on PostgreSQL's own text search and pg_trgm, with the SQLite backend's
    /// results (``PostgresConcordanceSearch``).
    package func searchConcordance(
        _ query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        try PostgresConcordanceSearch.search(
            self, query: query, language: language, otherLanguage: otherLanguage, limit: limit, pairFilter: pairFilter)
    }
}
