/// A concordance search turned into an SQLite FTS5 `MATCH` expression that any user input is safe
/// in: every word becomes an FTS5 string (double quotes doubled), so quotes, `*`, `NEAR`, `-`,
/// `:`, `^` and parentheses are searched as text, never parsed as operators.
///
/// A phrase search keeps the words together; a word search wants all of them anywhere. A word that
/// ends in `*` (`transl*`) is the one operator kept: a prefix search.
///
/// ```swift
/// ConcordanceQuery("the \"big\" file", mode: .phrase)?.expression   // "\"the \"\"big\"\" file\""
/// ConcordanceQuery("NEAR -x transl*", mode: .allWords)?.expression  // "\"NEAR\" \"-x\" \"transl\"*"
/// ConcordanceQuery("  ", mode: .phrase)                              // nil
/// ```
///
/// - SeeAlso: [FTS5 query syntax](https://www.sqlite.org/fts5.html#full_text_query_syntax)
public struct ConcordanceQuery: Sendable, Hashable {
    /// How the words of the input are combined.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The words in this order, next to each other.
        case phrase
        /// All the words, anywhere in the segment.
        case allWords
    }

    /// The words of the input (split at white space), `*` suffixes removed.
    public let words: [String]
    /// Whether each word is a prefix search.
    public let isPrefix: [Bool]
    /// How the words are combined.
    public let mode: Mode

    /// Parses user input; `nil` when it holds no word.
    public init?(_ input: String, mode: Mode = .phrase) {
        var words: [String] = [], prefixes: [Bool] = []
        for part in input.split(whereSeparator: { $0.isWhitespace }) {
            var word = String(part)
            var prefix = false
            while word.hasSuffix("*") {
                word.removeLast()
                prefix = true
            }
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            words.append(word)
            prefixes.append(prefix)
        }
        guard !words.isEmpty else { return nil }
        self.words = words
        self.isPrefix = prefixes
        self.mode = mode
    }

    /// An FTS5 string literal for `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The `MATCH` expression for a table with a word tokenizer (unicode61).
    public var expression: String {
        switch mode {
        case .phrase:
            // A phrase with a prefix on its last word: "a b c"*; FTS5 allows it only at the end.
            let text = Self.quoted(words.joined(separator: " "))
            return (isPrefix.last ?? false) ? text + "*" : text
        case .allWords:
            return zip(words, isPrefix).map { Self.quoted($0) + ($1 ? "*" : "") }.joined(separator: " ")
        }
    }

    /// The `MATCH` expression for a trigram table (Chinese, Japanese, Korean, Thai): the text as
    /// one substring (phrase) or every word as a substring; `nil` if a part is shorter than three
    /// characters, which a trigram index cannot find (search with `instr` instead, see
    /// ``substrings``).
    public var trigramExpression: String? {
        let parts = mode == .phrase ? [words.joined(separator: " ")] : words
        guard parts.allSatisfy({ $0.count >= 3 }) else { return nil }
        return parts.map(Self.quoted).joined(separator: " ")
    }

    /// The substrings a matching segment contains (for a plain `instr` scan).
    public var substrings: [String] { mode == .phrase ? [words.joined(separator: " ")] : words }
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
