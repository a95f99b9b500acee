public import TesseraCore
import TesseraText

/// A concordance search parsed from user input: word groups (phrases), prefixes, exact words,
/// symbols and the substrings a language written without spaces is searched for. No query
/// language of any store is written here: each backend turns the parsed query into its own
/// (the SQLite backend into FTS5 `MATCH` expressions, in TesseraSQLite), so that no input acts as
/// an operator there.
///
/// The input's own syntax:
/// * **words** are runs of letters and digits, as the word table's tokenizer (unicode61) splits
///   them. An unquoted word also finds its inflected forms when the language has a stemmer
///   (``forms(of:language:terms:)``: `line` finds `lines`);
/// * **`"quoted words"`** (straight or typographic double quotes) are matched as written;
/// * **`*`** after a word makes it a prefix, on any word (`prod* lines`);
/// * **symbols and emoji** (`€`, `→`, `🙂`, `++`) are not words for the word table: each must
///   occur in the segment as written (a substring).
///
/// In phrase mode (the default) all the words stand next to each other in order; in word mode
/// each unquoted word and each quoted phrase may stand anywhere.
///
/// ```swift
/// ConcordanceQuery("save file", mode: .phrase)?.groups.first?.map(\.text)   // ["save", "file"]
/// ConcordanceQuery("prod* lines")?.groups.first?.first?.isPrefix          // true
/// ConcordanceQuery("  ", mode: .phrase)                                    // nil
/// ```
public struct ConcordanceQuery: Sendable, Hashable {
    /// How the words of the input are combined.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The words in this order, next to each other.
        case phrase
        /// All the words (and quoted phrases), anywhere in the segment.
        case allWords
    }

    /// One word of the query, as the word table's tokenizer splits the input.
    public struct Word: Sendable, Hashable {
        /// The word as typed (no quotes, no `*`).
        public var text: String
        /// A prefix search (`prod*`).
        public var isPrefix: Bool
        /// Inside quotes: only this form, no other inflected forms.
        public var isExact: Bool
    }

    /// The word groups a segment must contain: the words of a group next to each other, in order.
    public let groups: [[Word]]
    /// Symbols and emoji of the input, each of which a segment must contain as written.
    public let symbols: [String]
    /// The substrings a matching segment of a language written without spaces contains (the trigram
    /// table and the `instr` scan): the input without quotes and `*`, one part in phrase mode, each
    /// white-space separated word or quoted phrase in word mode.
    public let substrings: [String]
    /// How the words are combined.
    public let mode: Mode

    /// The characters that open or close an exact phrase.
    static let quotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}"]

    /// Parses user input; `nil` when it holds no word and no symbol.
    /// - Complexity: O(n) in the length of the input.
    public init?(_ input: String, mode: Mode = .phrase) {
        // An unpaired quote (the last one of an odd count) is ignored.
        let quoteCount = input.reduce(0) { $0 + (Self.quotes.contains($1) ? 1 : 0) }
        var quotesLeft = quoteCount - quoteCount % 2
        var inQuotes = false
        var groups: [[Word]] = [], group: [Word] = []
        var symbols: [String] = [], parts: [String] = [], part = ""
        var word = "", symbol = ""
        func endWord(prefix: Bool = false) {
            if !word.isEmpty { group.append(Word(text: word, isPrefix: prefix, isExact: inQuotes)) }
            word = ""
        }
        func endSymbol() {
            if !symbol.isEmpty, !symbols.contains(symbol) { symbols.append(symbol) }
            symbol = ""
        }
        func endGroup() {
            endWord()
            endSymbol()
            if !group.isEmpty { groups.append(group) }
            group = []
            if !part.isEmpty { parts.append(part) }
            part = ""
        }
        for character in input {
            if Self.quotes.contains(character), quotesLeft > 0 {
                quotesLeft -= 1
                endGroup()
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                endGroup()
            } else if character.isLetter || character.isNumber {
                endSymbol()
                word.append(character)
                part.append(character)
            } else if character == "*" {
                endSymbol()
                endWord(prefix: !word.isEmpty)
            } else if character.isSymbol {
                endWord()
                symbol.append(character)
                part.append(character)
            } else {
                // Punctuation (and an unpaired quote) separates words, as in the word table.
                endWord()
                endSymbol()
                if !Self.quotes.contains(character) { part.append(character) }
            }
        }
        endGroup()
        guard !groups.isEmpty || !symbols.isEmpty else { return nil }
        self.mode = mode
        self.groups = mode == .phrase ? (groups.isEmpty ? [] : [groups.flatMap { $0 }]) : groups
        self.symbols = symbols
        self.substrings = mode == .phrase ? [parts.joined(separator: " ")] : parts
    }

    /// The folded forms of `word` that the word table holds and that share its stem key in
    /// `language`, the word's own form first: what an unquoted word stands for.
    ///
    /// The word is folded as the word table folds it (lower case, diacritics removed) and stemmed
    /// with the language's stemmer (``StemmerCatalog``); `terms` reads the table's vocabulary in
    /// the range of the key's prefix (``Stemmer/keyPrefix(_:)``), and every term with the same key
    /// is a form. Languages without a stemmer, and words whose key prefix is shorter than
    /// ``minimumPrefix``, keep the word as it is.
    ///
    /// ```swift
    /// ConcordanceQuery.forms(of: "line", language: LanguageTag("en")!) { _ in ["lin", "line", "lines", "linux"] }
    /// // ["line", "lines"]
    /// ```
    /// - Parameters:
    ///   - word: A word of the query.
    ///   - language: The language searched.
    ///   - terms: The vocabulary's terms that start with the given prefix.
    /// - Returns: At most ``maximumForms`` forms.
    public static func forms(of word: String, language: LanguageTag, terms: (String) throws -> [String]) rethrows -> [String] {
        let folded = TextNormalizer.removeDiacritics(TextNormalizer.fold(word, language: nil))
        guard let stemmer = StemmerCatalog.stemmer(for: language) else { return [folded] }
        let key = stemmer.stem(folded)
        let prefix = stemmer.keyPrefix(key)
        // A prefix of one or two letters would read a large part of the vocabulary for words
        // (`a`, `is`) that have no other forms.
        guard prefix.unicodeScalars.count >= minimumPrefix else { return [folded] }
        var forms = [folded]
        for term in try terms(prefix) where forms.count < maximumForms && term != folded && stemmer.stem(term) == key {
            forms.append(term)
        }
        return forms
    }

    /// The most forms one word stands for.
    public static let maximumForms = 16

    /// The shortest key prefix whose vocabulary range is read; words with a shorter one are
    /// matched as written.
    public static let minimumPrefix = 3
}
