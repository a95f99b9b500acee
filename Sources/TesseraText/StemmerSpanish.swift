/// A light Spanish stemmer: plural `-ces` to `-z`, `-es` after a consonant, `-s`, then a final
/// `a`, `o` or `e`.
///
/// ```swift
/// SpanishStemmer().stem("sanciones") == SpanishStemmer().stem("sancion")   // true
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct SpanishStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// The plural endings, the first that applies wins: `-es` only after a consonant.
    static let plurals = [
        StemmerSuffixRule("ces", "z", longerThan: 4),
        StemmerSuffixRule("es", "", longerThan: 4, except: ["aes", "ees", "ies", "oes", "ues"]),
        StemmerSuffixRule("s", ""),
    ]

    /// The key of a folded, diacritic-free Spanish word.
    public func stem(_ word: String) -> String {
        guard word.letterCount > 3 else { return word }
        return StemmerSuffixRule.firstApplying(Self.plurals, to: word).droppingFinal(oneOf: "aoe")
    }

    /// The key less a final `z`, which stands for `ces` (`luz`: luces).
    public func keyPrefix(_ key: String) -> String {
        key.endsWith("z") ? key.droppingLast(1) : key
    }
}
