import TesseraStorage

extension VariantRow {
    /// Whether the trigram index covers the variant (languages written without spaces).
    var isTrigramIndexed: Bool { Schema.trigramLanguages.contains(base) }
}
