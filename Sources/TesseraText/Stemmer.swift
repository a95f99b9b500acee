/// A light, rule-based stemmer: maps the inflected forms of a word to one key so that
/// `targets` finds `target` and `Verteidigungsausgaben` finds `Verteidigungsausgabe`.
///
/// Stemmers take a word that is already folded by ``TextNormalizer`` (lower case, diacritics
/// removed) and return a key, not a linguistic root: the key only has to be the same for the
/// singular and plural and the common case forms of a word, and different for unrelated words.
/// Each stemmer removes at most a few suffixes and never shortens a word below a minimum length,
/// so the worst case is a word that keeps its inflection (a missed match), not two words merged.
///
/// ```swift
/// let stemmer = StemmerCatalog.stemmer(for: LanguageTag("de"))!
/// stemmer.stem("ziele") == stemmer.stem("ziel")   // true
/// ```
///
/// - Complexity: O(k) in the length of the word for every stemmer of the catalog.
public protocol Stemmer: Sendable {
    /// The key of a folded, diacritic-free word.
    /// - Parameter word: One word, folded by ``TextNormalizer`` with diacritics removed.
    /// - Returns: The stem key; the word itself when no rule applies.
    func stem(_ word: String) -> String

    /// The longest prefix that every word with the key `key` starts with (words folded, diacritics
    /// removed): a search for all the inflected forms of a word reads a sorted vocabulary from it.
    /// It is the key itself, less the letters a rule may have rewritten (`policies` and `policy`
    /// have the key `polici`, both start with `polic`).
    ///
    /// ```swift
    /// EnglishStemmer().keyPrefix("polici")   // "polic"
    /// EnglishStemmer().keyPrefix("lin")      // "lin" (line, lines, lined)
    /// ```
    func keyPrefix(_ key: String) -> String
}

extension Stemmer {
    /// The key itself: for stemmers that only remove letters from the end of a word.
    public func keyPrefix(_ key: String) -> String { key }
}

extension String {
    /// The string without its last `count` scalars (stemmers work on NFC text, where a letter is
    /// one scalar).
    @inline(__always) func droppingLast(_ count: Int) -> String {
        String(String.UnicodeScalarView(unicodeScalars.dropLast(count)))
    }

    /// Whether the UTF-8 bytes end with those of `suffix`: a byte comparison, enough for folded
    /// NFC text and much cheaper than `hasSuffix`'s canonical-equivalence comparison.
    @inline(__always) func endsWith(_ suffix: String) -> Bool {
        let tail = suffix.utf8
        return utf8.count >= tail.count && utf8.suffix(tail.count).elementsEqual(tail)
    }

    /// The number of Unicode scalars (letters, in folded NFC text).
    @inline(__always) var letterCount: Int { unicodeScalars.count }

    /// The word less its last letter when that is one of `letters` and the word has more than
    /// three letters (a final vowel of number or gender).
    @inline(__always) func droppingFinal(oneOf letters: String) -> String {
        guard letterCount > 3, let last, letters.contains(last) else { return self }
        return droppingLast(1)
    }

}
