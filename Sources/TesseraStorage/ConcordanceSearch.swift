import GRDB
public import TesseraCore
public import TesseraMatching

/// Concordance: the segments of one language that contain a phrase or words, found through the
/// full-text indexes (FTS5 `variantText` for languages written with spaces, the trigram table for
/// Chinese, Japanese, Korean, Thai), with the hits marked and the unit's other languages alongside.
///
/// ```swift
/// let hits = try ConcordanceSearch.search(tm, query: ConcordanceQuery("save file")!, language: LanguageTag("en")!)
/// hits.first?.highlighted   // "\u{1}Save\u{2} \u{1}file\u{2} as..." (markers around the hits)
/// ```
public enum ConcordanceSearch {
    /// The marker before a highlighted hit.
    public static let highlightStart = "\u{1}"
    /// The marker after a highlighted hit.
    public static let highlightEnd = "\u{2}"

    /// One segment found.
    public struct Hit: Sendable, Hashable {
        /// The variant row id.
        public var id: Int64
        /// The unit row id.
        public var unit: Int64
        /// The variant language.
        public var language: LanguageTag
        /// The plain text with ``highlightStart``/``highlightEnd`` around each hit.
        public var highlighted: String
        /// The unit's other language versions (language, plain text), filtered by `otherLanguage`.
        public var others: [(language: LanguageTag, text: String)]

        public static func == (lhs: Hit, rhs: Hit) -> Bool {
            lhs.id == rhs.id && lhs.highlighted == rhs.highlighted
                && lhs.others.map { "\($0.language)\t\($0.text)" } == rhs.others.map { "\($0.language)\t\($0.text)" }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// Searches segments of `language` (same primary language: `en` finds `en-US`).
    ///
    /// - Parameters:
    ///   - tm: The translation memory.
    ///   - query: The parsed, safely quoted query.
    ///   - language: The language searched.
    ///   - otherLanguage: The language shown alongside, or `nil` for all others.
    ///   - limit: The largest number of hits.
    ///   - index: The match index of `tm`, current with it (``MatchIndexFile/load(_:)``), if at
    ///     hand: with `otherLanguage`, the language filter then reads the index instead of the
    ///     database (an SQL function called on each FTS5 row id; only the hits are joined to
    ///     `variant` and highlighted).
    /// - Returns: Hits in row order (oldest first).
    /// - Complexity: one FTS5 query plus one query for the variants of all the hits' units; a
    ///   trigram query of fewer than three characters scans the segments of the language. With a
    ///   pair and an index: the FTS5 row ids up to the `limit`-th hit, O(1) each for the nearly
    ///   consecutive ids of an import.
    public static func search(
        _ tm: TranslationMemory, query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag? = nil, limit: Int = 20,
        index: MatchIndex? = nil
    ) throws -> [Hit] {
        try tm.read { db in
            var rows: [(Int64, Int64, String, String)] = []
            let base = language.language
            let table = language.isWrittenWithoutSpaces ? "variantTrigram" : "variantText"
            let expression = language.isWrittenWithoutSpaces ? query.trigramExpression : query.expression
            // With a pair, only units that have the other language count.
            let pairFilter = otherLanguage == nil ? "" : " AND EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = ?)"
            let pairArguments: StatementArguments = otherLanguage.map { [$0.language] } ?? []
            if let otherLanguage, let index, let expression {
                rows = try pairRows(
                    db, table: table, expression: expression, filter: index.pairFilter(language: language, other: otherLanguage),
                    base: base, other: otherLanguage.language, limit: limit)
            } else if let expression {
                // Words (unicode61) or, for a language written without spaces, trigrams.
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.id, v.unitId, v.lang, highlight(\(table), 0, ?, ?)
                        FROM \(table) JOIN variant v ON v.id = \(table).rowid
                        WHERE \(table) MATCH ? AND v.base = ?\(pairFilter) LIMIT ?
                        """, arguments: [highlightStart, highlightEnd, expression, base] + pairArguments + [limit]
                ).map { ($0[0], $0[1], $0[2], $0[3]) }
            } else {
                // A query too short for trigrams: a substring scan of the language's segments.
                var sql = "SELECT v.id, v.unitId, v.lang, v.plain FROM variant v WHERE v.base = ?" + pairFilter
                var arguments: StatementArguments = [base] + pairArguments
                for part in query.substrings {
                    sql += " AND instr(v.plain, ?) > 0"
                    arguments += [part]
                }
                sql += " LIMIT ?"
                arguments += [limit]
                rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                    ($0[0], $0[1], $0[2], mark($0[3] as String, query.substrings))
                }
            }
            let variants = try unitVariants(db, units: rows.map(\.1))
            return rows.compactMap { id, unit, lang, highlighted -> Hit? in
                guard let tag = LanguageTag(lang) else { return nil }
                let alongside = (variants[unit] ?? []).compactMap { variant -> (language: LanguageTag, text: String)? in
                    guard variant.id != id, let other = LanguageTag(variant.lang) else { return nil }
                    if let otherLanguage, !otherLanguage.sharesLanguage(with: other) { return nil }
                    return (other, variant.plain)
                }
                return Hit(id: id, unit: unit, language: tag, highlighted: highlighted, others: alongside)
            }
        }
    }

    /// The hits of a pair search in one pass of the full-text query: the FTS5 rows in order, kept
    /// when `filter` (the match index, called from SQL) says the variant is of the language in a
    /// unit with the other language; only when the index cannot tell does the row join `variant`
    /// for the database's answer. Highlighting and the join to `variant` run for the kept rows only.
    static func pairRows(
        _ db: Database, table: String, expression: String, filter: @escaping @Sendable (Int64) -> Bool?, base: String, other: String,
        limit: Int
    ) throws -> [(Int64, Int64, String, String)] {
        // 1 or 0 from the index, NULL when it cannot tell.
        let function = DatabaseFunction(pairFilterFunction, argumentCount: 1, pure: true) { values in
            guard let id = Int64.fromDatabaseValue(values[0]), let wanted = filter(id) else { return nil }
            return wanted ? 1 : 0
        }
        db.add(function: function)
        defer { db.remove(function: function) }
        // The first test only reads the FTS5 rowid, so SQLite applies it before the join.
        let statement = try db.cachedStatement(
            sql: """
                SELECT v.id, v.unitId, v.lang, highlight(\(table), 0, ?, ?)
                FROM \(table) JOIN variant v ON v.id = \(table).rowid
                WHERE \(table) MATCH ? AND \(pairFilterFunction)(\(table).rowid) IS NOT 0
                AND coalesce(\(pairFilterFunction)(\(table).rowid),
                             v.base = ? AND EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = ?))
                LIMIT ?
                """)
        return try Row.fetchAll(statement, arguments: [highlightStart, highlightEnd, expression, base, other, limit])
            .map { ($0[0], $0[1], $0[2], $0[3]) }
    }

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

    /// Marks every occurrence of `parts` in `text`.
    static func mark(_ text: String, _ parts: [String]) -> String {
        var out = text
        for part in parts where !part.isEmpty {
            out = out.components(separatedBy: part).joined(separator: highlightStart + part + highlightEnd)
        }
        return out
    }
}
