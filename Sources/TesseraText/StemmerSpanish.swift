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

    /// The key of a folded, diacritic-free Spanish word.
    public func stem(_ word: String) -> String {
        var word = word
        guard word.letterCount > 3 else { return word }
        if word.endsWith("ces"), word.letterCount > 4 {
            word = word.droppingLast(3) + "z"
        } else if word.endsWith("es"), word.letterCount > 4, let before = word.dropLast(2).last, !"aeiou".contains(before) {
            word = word.droppingLast(2)
        } else if word.endsWith("s") {
            word = word.droppingLast(1)
        }
        if word.letterCount > 3, let last = word.last, "aoe".contains(last) { word = word.droppingLast(1) }
        return word
    }

    /// The key less a final `z`, which stands for `ces` (`luz`: luces).
    public func keyPrefix(_ key: String) -> String {
        key.endsWith("z") ? key.droppingLast(1) : key
    }
}
