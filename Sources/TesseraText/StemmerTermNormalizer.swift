public import TesseraCore

/// Turns term and sentence text into matching keys: tokens folded (case with the language's
/// rules, width, diacritics), hyphens dropped (so `capability-targets` equals
/// `capability targets`) and each word stemmed with the language's light stemmer.
///
/// ```swift
/// let normalizer = TermNormalizer(language: LanguageTag("en")!)
/// normalizer.keys(of: "Capability-Targets")   // ["capabiliti", "target"]
/// ```
///
/// - Complexity: O(n) in the length of the text.
public struct TermNormalizer: Sendable {
    /// The language whose casing and stemmer apply.
    public let language: LanguageTag
    /// The stemmer, `nil` for languages without one (keys are then folded words).
    public let stemmer: (any Stemmer)?

    /// A key token: the stemmed key, the folded word and the UTF-16 range in the original text.
    public struct KeyToken: Hashable, Sendable {
        /// Stemmed key.
        public var key: String
        /// Folded word (diacritics removed), before stemming.
        public var folded: String
        /// UTF-16 range in the text.
        public var range: Range<Int>
    }

    /// Creates a normalizer for `language`.
    public init(language: LanguageTag) {
        self.language = language
        self.stemmer = StemmerCatalog.stemmer(for: language)
    }

    /// Whether a punctuation token is a joiner that term matching ignores (hyphens, slash).
    static func isJoiner(_ text: String) -> Bool {
        text == "-" || text == "‐" || text == "‑" || text == "–" || text == "/"
    }

    /// The key tokens of `text`: hyphens dropped; other punctuation kept as a breaking token with
    /// an empty key (so that matches never run across a comma or full stop).
    public func keyTokens(of text: String) -> [KeyToken] {
        var out: [KeyToken] = []
        for var token in Tokenizer.tokens(in: text, language: language, foldDiacritics: false) {
            // Diacritics are removed here, and only from tokens that have any (most have none).
            if !token.text.utf8.allSatisfy({ $0 < 0x80 }) { token.text = TextNormalizer.removeDiacritics(token.text) }
            if token.kind == .punctuation {
                if Self.isJoiner(token.text) { continue }
                if token.text == "'" || token.text == "’" { continue }
                out.append(KeyToken(key: "", folded: token.text, range: token.range))
                continue
            }
            var word = token.text
            // Elided articles (l', d') are kept apart by the tokenizer; drop the apostrophe.
            if word.hasSuffix("'") || word.hasSuffix("’") { word.removeLast() }
            // Typographic and modifier-letter apostrophes count as the ASCII one.
            if word.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{02BC}" }) {
                word = String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{02BC}" ? "'" : $0 }))
            }
            let key = (token.kind == .word ? stemmer?.stem(word) : nil) ?? word
            out.append(KeyToken(key: key, folded: word, range: token.range))
        }
        return out
    }

    /// The content keys of `text` (punctuation dropped): what a term is indexed under.
    public func keys(of text: String) -> [String] {
        keyTokens(of: text).compactMap { $0.key.isEmpty ? nil : $0.key }
    }

    /// The folded words of `text` without stemming (punctuation dropped).
    public func foldedWords(of text: String) -> [String] {
        keyTokens(of: text).compactMap { $0.key.isEmpty ? nil : $0.folded }
    }
}
