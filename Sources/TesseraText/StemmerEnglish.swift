/// A light English stemmer: possessive, plural, then `-ed`/`-ing`, final `e` and `y`.
///
/// ```swift
/// EnglishStemmer().stem("targets")      // "target"
/// EnglishStemmer().stem("policies")     // "polici" (as "policy")
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct EnglishStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// The plural endings, the first that applies wins.
    static let plurals = [StemmerSuffixRule("ies", "i", longerThan: 4), StemmerSuffixRule("s", "", except: ["ss", "us", "is"])]
    /// A final `y` stands for `ies` (`policy`: policies).
    static let finals = [StemmerSuffixRule("y", "i", longerThan: 3)]

    /// The key of a folded English word.
    public func stem(_ word: String) -> String {
        var word = word
        if word.endsWith("'s") || word.endsWith("’s") { word = word.droppingLast(2) }
        if word.endsWith("'") || word.endsWith("’") { word = word.droppingLast(1) }
        guard word.letterCount > 3 else { return word }
        word = StemmerSuffixRule.firstApplying(Self.plurals, to: word)
        if word.endsWith("ing"), word.letterCount - 3 >= 4 {
            word = Self.undouble(word.droppingLast(3))
        } else if word.endsWith("ed"), word.letterCount - 2 >= 4, !word.endsWith("eed") {
            word = Self.undouble(word.droppingLast(2))
        }
        return StemmerSuffixRule.firstApplying(Self.finals, to: word.droppingFinal(oneOf: "e"))
    }

    /// The key less a final `i`, which stands for `y` or `ies` (`polici`: policy, policies).
    public func keyPrefix(_ key: String) -> String {
        key.endsWith("i") ? key.droppingLast(1) : key
    }

    /// `plann` -> `plan`: a doubled final consonant left by `-ed`/`-ing` removal.
    static func undouble(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, let last = scalars.last, scalars[scalars.count - 2] == last,
            !"aeiouyslz".unicodeScalars.contains(last)
        else { return word }
        return word.droppingLast(1)
    }
}
