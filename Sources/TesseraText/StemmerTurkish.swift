/// A light Turkish stemmer: up to three rounds of removing the longest plural, possessive or case
/// suffix (`-ları`, `-leri`, `-lar`, `-den`, `-ın`, `-sı`, `-e`, ...) while at least three letters
/// stay. Works on words folded with Turkish casing and diacritics removed (`ı` stays `ı`).
///
/// ```swift
/// TurkishStemmer().stem("hedefleri")     // "hedef"
/// TurkishStemmer().stem("yaptırımlar")   // "yaptırım"
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct TurkishStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// Suffixes, diacritic-free, longest first.
    static let suffixes: [String] = {
        let list = [
            "larından", "lerinden", "larında", "lerinde", "larına", "lerine", "ların", "lerin", "lardan", "lerden",
            "larda", "lerde", "ları", "leri", "lara", "lere", "lar", "ler", "ndan", "nden", "nın", "nin", "nun",
            "dan", "den", "tan", "ten", "nda", "nde", "yla", "yle", "ın", "in", "un", "da", "de", "ta", "te", "ya",
            "ye", "yı", "yi", "yu", "sı", "si", "su", "nı", "ni", "nu", "a", "e", "ı", "i", "u",
        ]
        return list.sorted { $0.letterCount > $1.letterCount }
    }()

    /// The key of a folded, diacritic-free Turkish word.
    public func stem(_ word: String) -> String {
        var word = word
        for _ in 0..<3 {
            guard let suffix = Self.suffixes.first(where: { word.endsWith($0) && word.letterCount - $0.letterCount >= 3 })
            else { break }
            word = word.droppingLast(suffix.letterCount)
        }
        return word
    }
}
