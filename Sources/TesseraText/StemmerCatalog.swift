public import TesseraCore

/// The stemmers Tessera ships, by language: English, German, French, Spanish, Italian and Turkish.
///
/// Other languages have no stemmer; callers fall back to prefix matching (see
/// ``StemmerCatalog/sharesHalfPrefix(_:_:)``).
///
/// ```swift
/// StemmerCatalog.stemmer(for: LanguageTag("tr"))?.stem("hedefleri")   // "hedef"
/// StemmerCatalog.stemmer(for: LanguageTag("fi"))                       // nil
/// ```
public enum StemmerCatalog {
    /// The stemmer for a language (by its primary subtag), or `nil` when there is none.
    public static func stemmer(for language: LanguageTag?) -> (any Stemmer)? {
        switch language?.language {
        case "en": return EnglishStemmer()
        case "de": return GermanStemmer()
        case "fr": return FrenchStemmer()
        case "es": return SpanishStemmer()
        case "it": return ItalianStemmer()
        case "tr", "az": return TurkishStemmer()
        default: return nil
        }
    }

    /// The languages that have a stemmer.
    public static let languages = ["de", "en", "es", "fr", "it", "tr"]

    /// Whether two folded words share a prefix of at least half the longer one's length (and at
    /// least three characters): the inflection tolerance for languages without a stemmer.
    ///
    /// ```swift
    /// StemmerCatalog.sharesHalfPrefix("tavoitteet", "tavoite")   // true
    /// ```
    /// - Complexity: O(k) in the length of the words.
    public static func sharesHalfPrefix(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        var common = 0
        while common < left.count, common < right.count, left[common] == right[common] { common += 1 }
        let longer = max(left.count, right.count)
        return common >= 3 && common * 2 >= longer
    }
}
