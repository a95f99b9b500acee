/// A light French stemmer: plural `-s`/`-x`, `-aux` to `-al`, then a final `e`.
///
/// ```swift
/// FrenchStemmer().stem("garanties") == FrenchStemmer().stem("garantie")   // true
/// FrenchStemmer().stem("generaux") == FrenchStemmer().stem("general")     // true
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct FrenchStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// The key of a folded, diacritic-free French word.
    public func stem(_ word: String) -> String {
        var word = word
        guard word.letterCount > 3 else { return word }
        if word.endsWith("aux"), word.letterCount > 4 {
            word = word.droppingLast(3) + "al"
        } else if (word.endsWith("s") && !word.endsWith("ss")) || word.endsWith("x") {
            word = word.droppingLast(1)
        }
        if word.letterCount > 3, word.endsWith("e") { word = word.droppingLast(1) }
        if word.letterCount > 3, word.endsWith("e") { word = word.droppingLast(1) }  // armée -> armee -> arm
        return word
    }

    /// The key less the `l` of a final `al`, which stands for `aux` (`cheval`: chevaux).
    public func keyPrefix(_ key: String) -> String {
        key.endsWith("al") ? key.droppingLast(1) : key
    }
}
