import TesseraMatching

/// The FTS5 query syntax of a parsed ``ConcordanceQuery``: `MATCH` expressions that any input is
/// safe in, since every word becomes an FTS5 string (double quotes doubled), so `NEAR`, `AND`,
/// `-`, `:`, `^` and parentheses never act as operators.
///
/// ```swift
/// ConcordanceQuery("save file", mode: .phrase)?.expression      // "\"save\" + \"file\""
/// ConcordanceQuery("prod* lines", mode: .phrase)?.expression    // "\"prod\"* + \"lines\""
/// ConcordanceQuery("NEAR -x", mode: .allWords)?.expression      // "\"NEAR\" AND \"x\""
/// ```
///
/// - SeeAlso: [FTS5 query syntax](https://www.sqlite.org/fts5.html#full_text_query_syntax)
extension ConcordanceQuery {
    /// An FTS5 string literal for `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The `MATCH` expression for the word table (unicode61) with every word as written; `nil`
    /// when the query has no word (symbols only).
    var expression: String? { expression { [$0.text] } }

    /// The `MATCH` expression for the word table, each unquoted word that is not a prefix standing
    /// for any of `forms(word)` (its written form first); `nil` when the query has no word.
    ///
    /// ```swift
    /// ConcordanceQuery("production line")?.expression { $0.text == "line" ? ["line", "lines"] : [$0.text] }
    /// // ("production" + "line" OR "production" + "lines")
    /// ```
    /// - Complexity: at most ``ConcordanceQuery/maximumPhrases`` phrases per group (``phrases(forms:)``).
    func expression(forms: (Word) throws -> [String]) rethrows -> String? {
        guard !groups.isEmpty else { return nil }
        let out = try phrases(forms: forms).map { alternatives in
            let phrases = alternatives.map { terms in
                terms.map { Self.quoted($0.text) + ($0.isPrefix ? "*" : "") }.joined(separator: " + ")
            }
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
        }
        // An explicit AND: FTS5 refuses an implicit one after a parenthesised group.
        return out.joined(separator: " AND ")
    }

    /// The `MATCH` expression for a trigram table (Chinese, Japanese, Korean, Thai): every part of
    /// ``substrings`` as a substring; `nil` if a part is shorter than three characters, which a
    /// trigram index cannot find (search with `instr` instead).
    var trigramExpression: String? {
        guard fitsTrigrams else { return nil }
        return substrings.map(Self.quoted).joined(separator: " ")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
