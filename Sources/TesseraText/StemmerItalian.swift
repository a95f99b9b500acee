/// A light Italian stemmer: the final vowel (number and gender), then `ch`/`gh` to `c`/`g`.
///
/// ```swift
/// ItalianStemmer().stem("sanzioni") == ItalianStemmer().stem("sanzione")   // true
/// ItalianStemmer().stem("banche") == ItalianStemmer().stem("banca")        // true
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct ItalianStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// The key of a folded, diacritic-free Italian word.
    public func stem(_ word: String) -> String {
        var word = word
        guard word.letterCount > 3 else { return word }
        word = word.droppingFinal(oneOf: "aeiou")
        if word.letterCount > 3, word.endsWith("ch") || word.endsWith("gh") { word = word.droppingLast(1) }
        return word
    }
}
