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
    ///     database (FTS5 gives the row ids; only the hits are read and highlighted).
    /// - Returns: Hits in row order (oldest first).
    /// - Complexity: one FTS5 query plus one indexed query per hit; a trigram query of fewer than
    ///   three characters scans the segments of the language. With a pair and an index: the FTS5
    ///   row ids up to the `limit`-th hit, O(log n) each.
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
            } else if language.isWrittenWithoutSpaces {
                if let expression = query.trigramExpression {
                    rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT v.id, v.unitId, v.lang, highlight(variantTrigram, 0, ?, ?)
                            FROM variantTrigram JOIN variant v ON v.id = variantTrigram.rowid
                            WHERE variantTrigram MATCH ? AND v.base = ?\(pairFilter) LIMIT ?
                            """, arguments: [highlightStart, highlightEnd, expression, base] + pairArguments + [limit]
                    ).map { ($0[0], $0[1], $0[2], $0[3]) }
                } else {
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
            } else {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.id, v.unitId, v.lang, highlight(variantText, 0, ?, ?)
                        FROM variantText JOIN variant v ON v.id = variantText.rowid
                        WHERE variantText MATCH ? AND v.base = ?\(pairFilter) LIMIT ?
                        """, arguments: [highlightStart, highlightEnd, query.expression, base] + pairArguments + [limit]
                ).map { ($0[0], $0[1], $0[2], $0[3]) }
            }
            let others = try db.cachedStatement(sql: "SELECT lang, plain FROM variant WHERE unitId = ? AND id != ? ORDER BY position, id")
            return try rows.compactMap { id, unit, lang, highlighted -> Hit? in
                guard let tag = LanguageTag(lang) else { return nil }
                let alongside = try Row.fetchAll(others, arguments: [unit, id]).compactMap { row -> (language: LanguageTag, text: String)? in
                    guard let other = LanguageTag(row[0] as String) else { return nil }
                    if let otherLanguage, !otherLanguage.sharesLanguage(with: other) { return nil }
                    return (other, row[1])
                }
                return Hit(id: id, unit: unit, language: tag, highlighted: highlighted, others: alongside)
            }
        }
    }

    /// The hits of a pair search: FTS5 row ids in order, kept when `filter` (the match index) says
    /// the variant is of the language in a unit with the other language (the database answers
    /// when the index cannot tell), then each kept row highlighted by rowid.
    static func pairRows(
        _ db: Database, table: String, expression: String, filter: (Int64) -> Bool?, base: String, other: String, limit: Int
    ) throws -> [(Int64, Int64, String, String)] {
        var kept: [Int64] = []
        let check = try db.cachedStatement(sql: """
            SELECT 1 FROM variant v WHERE v.id = ? AND v.base = ?
            AND EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = ?)
            """)
        let ids = try Int64.fetchCursor(db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ?", arguments: [expression])
        while kept.count < limit, let id = try ids.next() {
            let wanted = try filter(id) ?? (Int.fetchOne(check, arguments: [id, base, other]) != nil)
            if wanted { kept.append(id) }
        }
        guard let first = kept.min(), let last = kept.max() else { return [] }
        // One pass over the same row range, highlighting only the kept rows: a `rowid = ?` probe
        // per hit costs a seek into every term's doclist (about 0.1 ms each at 1M units).
        let list = kept.map(String.init).joined(separator: ",")
        var marked: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rowid, CASE WHEN rowid IN (\(list)) THEN highlight(\(table), 0, ?, ?) END
            FROM \(table) WHERE \(table) MATCH ? AND rowid >= ? AND rowid <= ?
            """, arguments: [highlightStart, highlightEnd, expression, first, last])
        while let row = try rows.next() {
            if let text = row[1] as String? { marked[row[0]] = text }
        }
        let variant = try db.cachedStatement(sql: "SELECT unitId, lang FROM variant WHERE id = ?")
        return try kept.compactMap { id in
            guard let text = marked[id], let row = try Row.fetchOne(variant, arguments: [id]) else { return nil }
            return (id, row[0], row[1], text)
        }
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
