/// A light Turkish stemmer: up to three rounds of removing the longest plural, possessive or case
/// suffix (`-ları`, `-leri`, `-lar`, `-den`, `-ın`, `-sı`, `-e`, ...) while at least three letters
/// stay. Works on words folded with Turkish casing and diacritics removed (`ı` stays `ı`).
///
/// A possessive followed by a case suffix is one unit, as the plural ones are (`-larından`): after
/// the third-person possessive `-(s)I` a case suffix takes the buffer consonant `n`
/// (`sanayi-i-nde`, `bütçe-si-ne`), so `-inde`, `-sına`, `-ından`, ... are removed in one round.
/// That keeps the head of a compound noun (`savunma sanayii`, `savunma bütçesi`) and its case
/// forms (`savunma sanayiinde`) on the same key: without the unit the case form needed one more
/// round than the three the bare form used.
///
/// ```swift
/// TurkishStemmer().stem("hedefleri")     // "hedef"
/// TurkishStemmer().stem("yaptırımlar")   // "yaptırım"
/// TurkishStemmer().stem("sanayiinde") == TurkishStemmer().stem("sanayii")   // true
/// ```
///
/// - Complexity: O(k) in the length of the word.
public struct TurkishStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// The third-person possessive followed by a case suffix with the buffer consonant `n`
    /// (locative, ablative, dative, accusative, genitive), diacritic-free (`ü` folds to `u`).
    static let possessiveCaseSuffixes: [String] = {
        let possessives = [("ı", "a"), ("i", "e"), ("u", "a"), ("u", "e")]
        var out: [String] = []
        for (vowel, harmony) in possessives {
            let cases = ["nd" + harmony, "nd" + harmony + "n", "n" + harmony, "n" + vowel, "n" + vowel + "n"]
            for buffer in ["", "s"] {
                for suffix in cases.map({ buffer + vowel + $0 }) where !out.contains(suffix) { out.append(suffix) }
            }
        }
        return out
    }()

    /// Suffixes, diacritic-free, longest first.
    static let suffixes: [String] = {
        let list = possessiveCaseSuffixes + [
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
