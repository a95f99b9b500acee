public import TesseraCore
import TesseraText

/// A text analysed for fuzzy matching: its folded content tokens (words, numbers, characters of
/// scripts written without spaces), their places in the text, and its punctuation.
///
/// ```swift
/// let text = MatchText("Delete 3 files?", language: LanguageTag("en"))
/// text.words        // ["delete", "3", "files"]
/// text.numbers      // ["3"]
/// text.granularity  // .token
/// ```
public struct MatchText: Sendable, Hashable {
    /// The text as given.
    public let text: String
    /// Its language (decides case folding and granularity).
    public let language: LanguageTag?
    /// Folded content tokens in order (punctuation left out).
    public let words: [String]
    /// UTF-16 ranges of ``words`` in ``text``.
    public let wordRanges: [Range<Int>]
    /// Whether each word is a number.
    public let isNumber: [Bool]
    /// The punctuation and symbol tokens in order.
    public let punctuation: [String]
    /// Whether the language is written without spaces (its characters are the tokens).
    public let isUnspaced: Bool

    /// Analyses `text`.
    /// - Parameters:
    ///   - text: Plain text (inline codes removed).
    ///   - language: The text's language.
    /// - Complexity: O(n) in the length of the text.
    public init(_ text: String, language: LanguageTag?) {
        self.text = text
        self.language = language
        var words: [String] = [], ranges: [Range<Int>] = [], numbers: [Bool] = [], punctuation: [String] = []
        for token in Tokenizer.tokens(in: text, language: language) {
            if token.isContent {
                words.append(token.text)
                ranges.append(token.range)
                numbers.append(token.kind == .number)
            } else {
                punctuation.append(token.text)
            }
        }
        self.words = words
        self.wordRanges = ranges
        self.isNumber = numbers
        self.punctuation = punctuation
        self.isUnspaced = language?.isWrittenWithoutSpaces ?? false
    }

    /// The numbers among the words, in order.
    public var numbers: [String] { zip(words, isNumber).compactMap { $1 ? $0 : nil } }

    /// How this text is compared: ``MatchGranularity/character`` for a single word of a language
    /// written with spaces, ``MatchGranularity/token`` otherwise.
    public var granularity: MatchGranularity {
        (!isUnspaced && words.count == 1) ? .character : .token
    }

    /// The UTF-16 units of the folded words joined by one space: the sequence compared at
    /// character level.
    package var characterKey: [UInt16] { Array(words.joined(separator: isUnspaced ? "" : " ").utf16) }

    /// The length of ``characterKey`` without building it.
    package var characterLength: Int {
        Self.characterLength(utf16Count: words.reduce(0) { $0 + $1.utf16.count }, wordCount: words.count, isUnspaced: isUnspaced)
    }

    /// The length of a character key: the words' UTF-16 units, plus one space between words
    /// unless the language is written without spaces (the rule of ``characterKey``).
    @inline(__always) static func characterLength(utf16Count: Int, wordCount: Int, isUnspaced: Bool) -> Int {
        utf16Count + (isUnspaced ? 0 : max(wordCount - 1, 0))
    }

    /// The folded text with punctuation but collapsed white space: compared for the character-level
    /// tie-break.
    package var foldedKey: [UInt16] { Array(TextNormalizer.matchKey(text, language: language).utf16) }

    /// The text with runs of white space collapsed to one space and trimmed.
    var collapsedText: String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The unit of comparison of the fuzzy score.
public enum MatchGranularity: String, Sendable, Hashable, Codable {
    /// Word-level: folded words and numbers, and the characters of Chinese, Japanese, Korean, Thai.
    case token
    /// Character-level: the UTF-16 units of the folded words (single-word queries).
    case character
}
