package import TesseraCore
package import TesseraMatching
package import TesseraStorage

extension SQLiteTranslationStore {
    /// Concordance through the FTS5 word table and the trigram table (``ConcordanceSearch``).
    ///
    /// ```swift
    /// let result = try tm.searchConcordance(ConcordanceQuery("save file")!, language: LanguageTag("en")!,
    ///                                       otherLanguage: nil, limit: 20, pairFilter: nil)
    /// result.hits.first?.highlighted   // "\u{1}Save\u{2} \u{1}file\u{2} as..."
    /// ```
    /// - Complexity: see ``ConcordanceSearch/search(_:query:language:otherLanguage:limit:pairFilter:)``.
    package func searchConcordance(
        _ query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        try ConcordanceSearch.search(
            self, query: query, language: language, otherLanguage: otherLanguage, limit: limit, pairFilter: pairFilter)
    }
}
