import Foundation
import PostgresNIO
package import TesseraCore
package import TesseraMatching
package import TesseraStorage
import TesseraText

/// Concordance on PostgreSQL: the segments of one language that contain a phrase or words, with
/// the same hits, marks and counts as the SQLite backend (``ConcordanceSearch`` there, FTS5) on the
/// same data.
///
/// Words: SQL functions (``migrations``) split and fold the text exactly as FTS5's `unicode61
/// remove_diacritics 2` tokenizer does (their character classes and fold tables are read from
/// SQLite by `Scripts/concordance-tokenizer.py`), and `concordance_words(plain)` builds a
/// `tsvector` of those words and their positions, under a GIN expression index; the query becomes a
/// `tsquery` (`<->` for a phrase, `:*` for a prefix, `|` for the forms of a word, `&` between
/// groups). An unquoted word stands for the forms with its stem key found in the vocabulary table
/// `concordance_term` (every word of every variant, kept by a trigger), as SQLite reads its FTS5
/// vocabulary. Languages written without spaces: a `pg_trgm` GIN index on `plain` (partial, only
/// those languages) answers `ILIKE` substrings of three characters or more; shorter ones, and
/// symbols, are `strpos` conditions.
///
/// ```swift
/// let result = try PostgresConcordanceSearch.search(store, query: ConcordanceQuery("save file")!,
///     language: LanguageTag("en")!, otherLanguage: nil, limit: 20, pairFilter: nil)
/// ```
package enum PostgresConcordanceSearch {
    /// One word of a phrase as the `tsvector` holds it: folded, and whether it is a prefix.
    struct Lexeme: Hashable {
        /// The folded word.
        var text: String
        /// Any word that starts with ``text`` (bytes of UTF-8, as FTS5 and `tsquery` compare).
        var isPrefix: Bool

        /// Whether the folded token `lexeme` is this word.
        func matches(_ lexeme: String) -> Bool {
            isPrefix ? lexeme.utf8.starts(with: text.utf8) : lexeme == text
        }

        /// The `tsquery` operand.
        var operand: String {
            var quoted = "'"
            for character in text {
                if character == "'" || character == "\\" { quoted.append(character == "'" ? "'" : "\\") }
                quoted.append(character)
            }
            return quoted + "'" + (isPrefix ? ":*" : "")
        }
    }

    /// The languages written without spaces, as an SQL list (`'zh','ja',...`): the condition of
    /// the partial indexes, repeated in the queries so that the planner uses them.
    static let unspacedList = LanguageTag.unspacedLanguages.map { "'\($0)'" }.joined(separator: ",")

    /// The migrations, appended by the memory store after its own (they need `variant`):
    /// `pg_trgm` (a trusted extension: a database owner may create it) in `public`; the functions
    /// `concordance_fold(text)` (FTS5's case and diacritic fold), `concordance_lexemes(text)` (the
    /// folded words), `concordance_words(text)` (their `tsvector`) and `concordance_tokens(text)`
    /// (the words as written, for the marks); the GIN indexes; the vocabulary `concordance_term`
    /// filled from the existing variants and kept by statement triggers on `variant`. Nothing is
    /// added to `variant` itself: everything is computed from `plain` and `base`.
    package static let migrations: [PostgresMigration] = {
        let tokenizer = PostgresConcordanceTokenizer.self
        let separators = tokenizer.separators
        return [
            PostgresMigration("memory concordance v1: extensions", ["CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public"]),
            PostgresMigration("memory concordance v1: functions", [
                foldFunction,
                """
                CREATE FUNCTION concordance_lexemes(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $lexemes$
                SELECT array_remove(regexp_split_to_array(concordance_fold(t), '[\(separators)]+'), '')
                $lexemes$
                """,
                // Written as tsvector input so that PostgreSQL's own parser does not split words
                // its own way; positions stop at 16383, words of 2048 bytes or more are left out
                // (tsvector limits).
                """
                CREATE FUNCTION concordance_words(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 500
                SET search_path FROM CURRENT AS $words$
                SELECT coalesce(string_agg('''' || replace(replace(w, '\\', '\\\\'), '''', '''''') || ''':' || least(n, 16383), ' ')
                  FILTER (WHERE octet_length(w) < 2048), '')::tsvector
                FROM unnest(concordance_lexemes(t)) WITH ORDINALITY AS u(w, n)
                $words$
                """,
                """
                CREATE FUNCTION concordance_tokens(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 200 AS $tokens$
                SELECT ARRAY(SELECT m[1] FROM regexp_matches(t, '[^\(separators)\(tokenizer.leadingDiacritics)][^\(separators)]*', 'g') AS m)
                $tokens$
                """,
            ]),
            PostgresMigration("memory concordance v1: indexes", [
                "CREATE INDEX variant_concordance_words ON variant USING gin (concordance_words(plain)) WHERE base NOT IN (\(unspacedList))",
                "CREATE INDEX variant_concordance_trigrams ON variant USING gin (plain public.gin_trgm_ops) WHERE base IN (\(unspacedList))",
            ]),
            PostgresMigration("memory concordance v1: vocabulary", [
                "CREATE TABLE concordance_term (term text COLLATE \"C\" PRIMARY KEY)",
                """
                CREATE FUNCTION concordance_term_add() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $add$
                BEGIN
                  INSERT INTO concordance_term (term)
                    SELECT DISTINCT w FROM changed_variant AS v, unnest(concordance_lexemes(v.plain)) AS w ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $add$
                """,
                """
                CREATE TRIGGER variant_concordance_insert AFTER INSERT ON variant REFERENCING NEW TABLE AS changed_variant
                FOR EACH STATEMENT EXECUTE FUNCTION concordance_term_add()
                """,
                """
                CREATE TRIGGER variant_concordance_update AFTER UPDATE ON variant REFERENCING NEW TABLE AS changed_variant
                FOR EACH STATEMENT EXECUTE FUNCTION concordance_term_add()
                """,
                "INSERT INTO concordance_term (term) SELECT DISTINCT w FROM variant AS v, unnest(concordance_lexemes(v.plain)) AS w ON CONFLICT DO NOTHING",
            ]),
        ]
    }()

    /// `concordance_fold(text)`: `A` to `Z` in lower case (`lower` in the "C" collation changes
    /// only those, in every locale), then each block of FTS5's other folds, each `translate` given
    /// its characters only when the text holds one of them (`translate` looks every character up in
    /// the whole list). An SQL function of one expression, not `STRICT` and without `SET`, so that
    /// PostgreSQL inlines it (and `concordance_lexemes`) into the caller: called as functions, the
    /// two cost ten times more per row (measured: 1.5 ms against 0.14 ms per German segment for
    /// `concordance_words`, 2 cores under load).
    static var foldFunction: String {
        var expression = "lower(t COLLATE \"C\")"
        for block in PostgresConcordanceTokenizer.foldBlocks {
            let holds = "t ~ '[\(block.characters)]'"
            expression = """
                translate(\(expression),
                  CASE WHEN \(holds) THEN E'\(block.from)' ELSE '' END,
                  CASE WHEN \(holds) THEN E'\(block.to)' ELSE '' END)
                """
        }
        return "CREATE FUNCTION concordance_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$\nSELECT \(expression)\n$fold$"
    }

    /// Searches segments of `language` (same primary language: `en` finds `en-US`), as the SQLite
    /// backend does: the hits in variant id order, at most `limit`, and the number of all matching
    /// segments; the unit's other languages (only `otherLanguage`'s, if given) alongside.
    ///
    /// - Parameters:
    ///   - store: The memory's store (its connections and schema).
    ///   - query: The parsed query.
    ///   - language: The language searched.
    ///   - otherLanguage: The language the units must also have, or `nil` for any.
    ///   - limit: The largest number of hits.
    ///   - pairFilter: Not needed here (SQLite asks the match index to skip the join; PostgreSQL
    ///     tests the other language with an `EXISTS` on `variant`'s unit index); accepted so that
    ///     both backends are called alike.
    /// - Returns: The hits and the total.
    /// - Complexity: in one snapshot: a vocabulary range per unquoted word, one query folding the
    ///   words, one for the hits, one count when they reach `limit`, one for the hits' units. A
    ///   phrase is checked against the words of each segment holding all of its words (GIN
    ///   recheck); a query of symbols only, or shorter than three characters in a language written
    ///   without spaces, scans the language's segments.
    package static func search(
        _ store: PostgresStore, query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult {
        let logger = store.pool.logger
        return try store.snapshot { connection in
            func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
                try connection.run(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            }
            var plan = Plan()
            // The parts every hit must contain as written (and that are marked as written).
            var marked = query.symbols
            var marking = Marking.none
            if language.isWrittenWithoutSpaces {
                if query.fitsTrigrams {
                    plan.conditions.append("v.base IN (\(unspacedList))")
                    for part in query.substrings {
                        plan.add("v.plain ILIKE $?", likePattern(part))
                    }
                    marking = .trigrams(query.substrings)
                    marked = []
                } else {
                    marked = query.substrings
                }
            } else if !query.groups.isEmpty {
                let phrases = try lexemes(run, query: query, language: language)
                plan.conditions.append("v.base NOT IN (\(unspacedList))")
                // As in FTS5, a phrase of no word matches nothing (and drops out of its alternatives).
                if phrases.contains(where: { $0.allSatisfy(\.isEmpty) }) {
                    plan.conditions.append("false")
                } else {
                    plan.add("concordance_words(v.plain) @@ $?::tsquery", tsquery(phrases))
                }
                marking = .words(phrases.flatMap { $0 })
            }
            plan.add("v.base = $?", language.language)
            if let otherLanguage {
                plan.add("EXISTS (SELECT 1 FROM variant o WHERE o.unit_id = v.unit_id AND o.base = $?)", otherLanguage.language)
            }
            for part in marked {
                plan.add("strpos(v.plain, $?) > 0", part)
            }
            let selected = "SELECT v.id, v.unit_id, v.lang, v.plain FROM variant v WHERE \(plan.filter) ORDER BY v.id LIMIT \(max(limit, 0))"
            var rows: [(id: Int64, unit: Int64, lang: String, highlighted: String)] = []
            if case .words(let phrases) = marking {
                let sql = """
                    SELECT h.id, h.unit_id, h.lang, h.plain, k.tokens, ARRAY(SELECT concordance_fold(x) FROM unnest(k.tokens) WITH ORDINALITY AS u(x, n) ORDER BY n)
                    FROM (\(selected)) h CROSS JOIN LATERAL (SELECT concordance_tokens(h.plain) AS tokens) k ORDER BY h.id
                    """
                for row in try run(sql, plan.binds) {
                    let (id, unit, lang, plain, tokens, folded) = try row.decode((Int64, Int64, String, String, [String], [String]).self)
                    let highlight = PostgresConcordanceHighlight(text: plain, words: tokens)
                    let text = highlight.marked(instances: PostgresConcordanceHighlight.instances(of: phrases, in: folded))
                    rows.append((id, unit, lang, ConcordanceHit.marking(text, marked)))
                }
            } else {
                for row in try run(selected, plan.binds) {
                    let (id, unit, lang, plain) = try row.decode((Int64, Int64, String, String).self)
                    var text = plain
                    if case .trigrams(let substrings) = marking {
                        let highlight = PostgresConcordanceHighlight(trigramsOf: plain)
                        text = highlight.marked(instances: highlight.trigramInstances(of: substrings))
                    }
                    rows.append((id, unit, lang, ConcordanceHit.marking(text, marked)))
                }
            }
            var total = rows.count
            if rows.count >= limit {
                for row in try run("SELECT count(*) FROM variant v WHERE \(plan.filter)", plan.binds) {
                    total = Int(try row.decode(Int64.self))
                }
            }
            let variants = try unitVariants(run, units: rows.map(\.unit))
            let hits = rows.compactMap { row -> ConcordanceHit? in
                guard let tag = LanguageTag(row.lang) else { return nil }
                let alongside = (variants[row.unit] ?? []).compactMap { variant -> (language: LanguageTag, text: String)? in
                    guard variant.id != row.id, let other = LanguageTag(variant.lang) else { return nil }
                    if let otherLanguage, !otherLanguage.sharesLanguage(with: other) { return nil }
                    return (other, variant.plain)
                }
                return ConcordanceHit(id: row.id, unit: row.unit, language: tag, highlighted: row.highlighted, others: alongside)
            }
            return ConcordanceResult(hits: hits, total: max(total, hits.count))
        }
    }

    /// How the hits are marked beyond the parts found as written.
    enum Marking {
        /// No marks (a scan: only the parts).
        case none
        /// The instances of these phrases among the words.
        case words([[Lexeme]])
        /// The substrings, case folded, among the trigrams.
        case trigrams([String])
    }

    /// The conditions of a search and their binds: the hits and their count read the same rows.
    struct Plan {
        var conditions: [String] = []
        var binds = PostgresBindings()

        /// Adds `condition`, its `$?` standing for `value` (bound).
        mutating func add(_ condition: String, _ value: String) {
            binds.append(value)
            conditions.append(condition.replacingOccurrences(of: "$?", with: "$\(binds.count)"))
        }

        var filter: String { conditions.joined(separator: " AND ") }
    }

    /// The phrases of `query`, each unquoted word standing for its forms in the vocabulary
    /// (``ConcordanceQuery/forms(of:language:terms:)``), every term folded into its lexemes as the
    /// word index folds text: the groups, for each its alternative phrases.
    static func lexemes(
        _ run: (String, PostgresBindings) throws -> PostgresQueryResult, query: ConcordanceQuery, language: LanguageTag
    ) throws -> [[[Lexeme]]] {
        let stemmed = StemmerCatalog.stemmer(for: language) != nil
        let phrases = try query.phrases { word in
            guard stemmed else { return [word.text] }
            return try ConcordanceQuery.forms(of: word.text, language: language) { prefix in
                var binds = PostgresBindings()
                binds.append(prefix)
                binds.append(prefix + "\u{10FFFF}")
                return try run("SELECT term FROM concordance_term WHERE term >= $1 AND term < $2 ORDER BY term", binds).map { try $0.decode(String.self) }
            }
        }
        var texts: [String] = []
        for term in phrases.joined().joined() where !texts.contains(term.text) { texts.append(term.text) }
        var binds = PostgresBindings()
        binds.append(texts)
        var folded: [String: [String]] = [:]
        for row in try run("SELECT x, concordance_lexemes(x) FROM unnest($1::text[]) AS x", binds) {
            let (text, words) = try row.decode((String, [String]).self)
            folded[text] = words
        }
        return phrases.map { alternatives in
            alternatives.map { terms in
                terms.flatMap { term -> [Lexeme] in
                    let words = folded[term.text] ?? []
                    return words.indices.map { Lexeme(text: words[$0], isPrefix: term.isPrefix && $0 == words.count - 1) }
                }
            }
        }
    }

    /// The `tsquery` of the folded phrases: `&` between groups, `|` between alternatives, `<->`
    /// inside a phrase; phrases without a word left out.
    static func tsquery(_ groups: [[[Lexeme]]]) -> String {
        groups.map { alternatives in
            "(" + alternatives.filter { !$0.isEmpty }.map { phrase in
                "(" + phrase.map(\.operand).joined(separator: " <-> ") + ")"
            }.joined(separator: " | ") + ")"
        }.joined(separator: " & ")
    }

    /// An `ILIKE` pattern for `text` anywhere (`\`, `%`, `_` escaped).
    static func likePattern(_ text: String) -> String {
        var out = "%"
        for character in text {
            if character == "\\" || character == "%" || character == "_" { out.append("\\") }
            out.append(character)
        }
        return out + "%"
    }

    /// The variants of `units` (id, language, plain text) in document order, read in one query.
    static func unitVariants(
        _ run: (String, PostgresBindings) throws -> PostgresQueryResult, units: [Int64]
    ) throws -> [Int64: [(id: Int64, lang: String, plain: String)]] {
        guard !units.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(Array(Set(units)))
        var result: [Int64: [(id: Int64, lang: String, plain: String)]] = [:]
        for row in try run("SELECT unit_id, id, lang, plain FROM variant WHERE unit_id = ANY($1) ORDER BY unit_id, position, id", binds) {
            let (unit, id, lang, plain) = try row.decode((Int64, Int64, String, String).self)
            result[unit, default: []].append((id, lang, plain))
        }
        return result
    }
}
