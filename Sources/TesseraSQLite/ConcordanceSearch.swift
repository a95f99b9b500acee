import GRDB
import TesseraText
import TesseraCore
import TesseraMatching
import TesseraStorage

/// Concordance in SQLite: the segments of one language that contain a phrase or words, found
/// through the full-text indexes (FTS5 `variantText` for languages written with spaces, the trigram
/// table for Chinese, Japanese, Korean, Thai), with the hits marked and the unit's other languages
/// alongside. Called through ``SQLiteTranslationStore/searchConcordance(_:language:otherLanguage:limit:pairFilter:)``.
enum ConcordanceSearch {
    /// The marker before a highlighted hit.
    static let highlightStart = ConcordanceHit.highlightStart
    /// The marker after a highlighted hit.
    static let highlightEnd = ConcordanceHit.highlightEnd

    /// Searches segments of `language` (same primary language: `en` finds `en-US`).
    ///
    /// The query's words are looked up in the word table (`variantText`, FTS5 unicode61) or, for
    /// a language written without spaces, in the trigram table. An unquoted word stands for every
    /// form of the table's vocabulary with the same stem key (``ConcordanceQuery/forms(of:language:terms:)``,
    /// the vocabulary read through an `fts5vocab` table of the connection's temporary schema);
    /// symbols and emoji, which the word table does not index, must each occur in the segment
    /// (`instr`), and a query of symbols only scans the language's segments.
    ///
    /// - Parameters:
    ///   - tm: The translation memory.
    ///   - query: The parsed, safely quoted query.
    ///   - language: The language searched.
    ///   - otherLanguage: The language shown alongside, or `nil` for all others.
    ///   - limit: The largest number of hits.
    ///   - pairFilter: from a match index current with `tm`, if at hand: with `otherLanguage`, the
    ///     language filter then reads the index instead of the database (an SQL function called on
    ///     each FTS5 row id; only the hits are joined to `variant` and highlighted).
    /// - Returns: The hits in row order (oldest first) and the number of all matching segments.
    /// - Complexity: one FTS5 query for the hits, one count when they reach `limit` (over every
    ///   matching row), one query for the variants of all the hits' units, one vocabulary range per
    ///   unquoted word; a trigram query of fewer than three characters or a query of symbols only
    ///   scans the segments of the language. With a pair and an index: O(1) per FTS5 row id for
    ///   the nearly consecutive ids of an import.
    static func search(
        _ tm: SQLiteTranslationStore, query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        try tm.read { db in
            let base = language.language
            let unspaced = language.isWrittenWithoutSpaces
            let table = unspaced ? "variantTrigram" : "variantText"
            let expression = unspaced ? query.trigramExpression : try wordExpression(db, query: query, language: language)
            // The text shown: FTS5 marks the words; symbols (and a scan's substrings) are marked here.
            var marked = unspaced ? [] : query.symbols
            var plan: Plan
            var registered: DatabaseFunction?
            defer { if let registered { db.remove(function: registered) } }
            if let expression {
                plan = Plan(
                    from: "\(table) JOIN variant v ON v.id = \(table).rowid", text: "highlight(\(table), 0, ?, ?)",
                    textArguments: [highlightStart, highlightEnd], conditions: ["\(table) MATCH ?"], arguments: [expression])
                if let otherLanguage, let filter = pairFilter {
                    // 1 or 0 from the index, NULL when it cannot tell. The first test only reads the
                    // FTS5 rowid, so SQLite applies it before the join.
                    let function = DatabaseFunction(pairFilterFunction, argumentCount: 1, pure: true) { values in
                        guard let id = Int64.fromDatabaseValue(values[0]), let wanted = filter(id) else { return nil }
                        return wanted ? 1 : 0
                    }
                    db.add(function: function)
                    registered = function
                    plan.conditions += [
                        "\(pairFilterFunction)(\(table).rowid) IS NOT 0",
                        """
                        coalesce(\(pairFilterFunction)(\(table).rowid),
                                 v.base = ? AND EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = ?))
                        """,
                    ]
                    plan.arguments += [base, otherLanguage.language]
                } else {
                    plan.require(base: base, other: otherLanguage)
                }
            } else {
                // A query too short for trigrams, or of symbols only: a substring scan.
                plan = Plan(from: "variant v", text: "v.plain", textArguments: [], conditions: [], arguments: [])
                plan.require(base: base, other: otherLanguage)
                marked = unspaced ? query.substrings : query.symbols
            }
            for part in marked {
                plan.conditions.append("instr(v.plain, ?) > 0")
                plan.arguments += [part]
            }
            let rows = try Row.fetchAll(db, sql: plan.select, arguments: plan.textArguments + plan.arguments + [limit]).map {
                ($0[0] as Int64, $0[1] as Int64, $0[2] as String, ConcordanceHit.marking($0[3] as String, marked))
            }
            let total = rows.count < limit ? rows.count : try Int.fetchOne(db, sql: plan.count, arguments: plan.arguments) ?? rows.count
            let variants = try unitVariants(db, units: rows.map(\.1))
            let hits = rows.compactMap { id, unit, lang, highlighted -> ConcordanceHit? in
                guard let tag = LanguageTag(lang) else { return nil }
                let alongside = (variants[unit] ?? []).compactMap { variant -> (language: LanguageTag, text: String)? in
                    guard variant.id != id, let other = LanguageTag(variant.lang) else { return nil }
                    if let otherLanguage, !otherLanguage.sharesLanguage(with: other) { return nil }
                    return (other, variant.plain)
                }
                return ConcordanceHit(id: id, unit: unit, language: tag, highlighted: highlighted, others: alongside)
            }
            return ConcordanceResult(hits: hits, total: max(total, hits.count))
        }
    }

    /// The parts of a search's SQL: the hits and their count read the same rows.
    struct Plan {
        var from: String
        /// The text column shown (highlighted by FTS5, or the plain text of a scan).
        var text: String
        var textArguments: StatementArguments
        var conditions: [String]
        var arguments: StatementArguments

        /// Only variants of the language `base`, with `other`: only units that also have it.
        mutating func require(base: String, other: LanguageTag?) {
            conditions.append("v.base = ?")
            arguments += [base]
            if let other {
                conditions.append("EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = ?)")
                arguments += [other.language]
            }
        }

        var filter: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
        /// The hits (arguments: text arguments, arguments, limit).
        var select: String { "SELECT v.id, v.unitId, v.lang, \(text) FROM \(from)\(filter) LIMIT ?" }
        /// The number of rows (arguments: arguments).
        var count: String { "SELECT count(*) FROM \(from)\(filter)" }
    }

    /// The word-table expression of `query`: each unquoted word stands for its forms in the table's
    /// vocabulary (see ``ConcordanceQuery/forms(of:language:terms:)``).
    static func wordExpression(_ db: Database, query: ConcordanceQuery, language: LanguageTag) throws -> String? {
        guard StemmerCatalog.stemmer(for: language) != nil else { return query.expression }
        var vocabularyReady = false
        return try query.expression { word in
            try ConcordanceQuery.forms(of: word.text, language: language) { prefix in
                if !vocabularyReady {
                    // A table of the connection's temporary schema: nothing is written to the file.
                    try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(vocabularyTable) USING fts5vocab(main, 'variantText', 'row')")
                    vocabularyReady = true
                }
                return try String.fetchAll(
                    db, sql: "SELECT term FROM temp.\(vocabularyTable) WHERE term >= ? AND term < ?", arguments: [prefix, prefix + "\u{10FFFF}"])
            }
        }
    }

    /// The name of the `fts5vocab` table over `variantText` (temporary schema, per connection).
    static let vocabularyTable = "tessera_terms"

    /// The name of the SQL function through which a pair search asks the match index.
    static let pairFilterFunction = "tessera_pair_filter"

    /// The variants of `units` (id, language, plain text) in document order, read in one query.
    static func unitVariants(_ db: Database, units: [Int64]) throws -> [Int64: [(id: Int64, lang: String, plain: String)]] {
        guard !units.isEmpty else { return [:] }
        let list = "[" + Set(units).map(String.init).joined(separator: ",") + "]"
        var result: [Int64: [(id: Int64, lang: String, plain: String)]] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT unitId, id, lang, plain FROM variant WHERE unitId IN (SELECT value FROM json_each(?))
            ORDER BY unitId, position, id
            """)
        let rows = try Row.fetchCursor(statement, arguments: [list])
        while let row = try rows.next() {
            result[row[0], default: []].append((row[1], row[2], row[3]))
        }
        return result
    }
}
