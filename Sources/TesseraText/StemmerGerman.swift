/// A light German stemmer: `ß` to `ss`, then up to two rounds of removing `-ern`, `-em`, `-en`,
/// `-er`, `-es`, `-e`, `-n`, `-s` while at least four letters stay.
///
/// ```swift
/// GermanStemmer().stem("verteidigungsausgaben") == GermanStemmer().stem("verteidigungsausgabe")  // true
/// GermanStemmer().stem("ziele")    // "ziel"
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct GermanStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    static let suffixes = ["ern", "em", "en", "er", "es", "e", "n", "s"]

    /// The key of a folded, diacritic-free German word.
    public func stem(_ word: String) -> String {
        var word = word.unicodeScalars.contains("ß") ? word.replacingOccurrencesOfSharpS() : word
        for _ in 0..<2 {
            guard let suffix = Self.suffixes.first(where: { word.endsWith($0) && word.letterCount - $0.letterCount >= 4 })
            else { break }
            word = word.droppingLast(suffix.letterCount)
        }
        return word
    }

    /// The key up to its first `ss` or a final `s`, either of which may stand for `ß`
    /// (`stras`: Straße, Strassen).
    public func keyPrefix(_ key: String) -> String {
        var scalars = Array(key.unicodeScalars)
        if let double = scalars.indices.dropLast().first(where: { scalars[$0] == "s" && scalars[$0 + 1] == "s" }) {
            scalars.removeSubrange(double...)
        } else if scalars.last == "s" {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    /// The string with `ß` spelled `ss` (as in Switzerland and in upper case).
    func replacingOccurrencesOfSharpS() -> String {
        var out = ""
        for character in self { if character == "ß" { out += "ss" } else { out.append(character) } }
        return out
    }
}
