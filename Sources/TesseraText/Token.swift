
/// A token of a text: its folded form, its kind and where it stands in the original text.
public struct Token: Hashable, Sendable {
    /// What a token is.
    public enum Kind: Sendable, Hashable {
        /// A word of letters (and marks, inner apostrophes).
        case word
        /// A number: digits with inner `.`, `,`, `'` or thin-space group separators (`3,5`, `1.000`).
        case number
        /// One character of a script written without spaces (Han, kana, Hangul syllable run, Thai).
        case character
        /// Punctuation or a symbol.
        case punctuation
    }

    /// The folded text (see ``TextNormalizer``): lower case, width-folded.
    public var text: String
    /// The kind of token.
    public var kind: Kind
    /// The token's extent in the original text, as UTF-16 offsets (stable across String copies,
    /// usable in JSON output): `start..<end`.
    public var range: Range<Int>

    /// Creates a token.
    public init(text: String, kind: Kind, range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.range = range
    }

    /// Whether the token carries meaning for matching (words, numbers, characters).
    public var isContent: Bool { kind != .punctuation }
}
