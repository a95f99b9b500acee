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

    /// The plural endings, the first that applies wins.
    static let plurals = [
        StemmerSuffixRule("aux", "al", longerThan: 4), StemmerSuffixRule("s", "", except: ["ss"]), StemmerSuffixRule("x", ""),
    ]

    /// The key of a folded, diacritic-free French word.
    public func stem(_ word: String) -> String {
        guard word.letterCount > 3 else { return word }
        let singular = StemmerSuffixRule.firstApplying(Self.plurals, to: word)
        return singular.droppingFinal(oneOf: "e").droppingFinal(oneOf: "e")  // armée -> armee -> arm
    }

    /// The key less the `l` of a final `al`, which stands for `aux` (`cheval`: chevaux).
    public func keyPrefix(_ key: String) -> String {
        key.endsWith("al") ? key.droppingLast(1) : key
    }
}
