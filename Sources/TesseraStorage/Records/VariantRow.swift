import TesseraCore

/// The derived columns of one `variant` row, computed once per variant on write.
struct VariantRow {
    /// The canonical language tag.
    var language: String
    /// The primary language subtag.
    var base: String
    /// The lossless level-2 markup (`Segment.tmxMarkup`).
    var markup: String
    /// The plain text (codes removed).
    var plain: String
    /// The number of inline codes.
    var codes: Int
    /// The variant's attributes as stored (``AttributesJSON``), `nil` for none.
    var attributes: String?
    /// Whether the trigram index covers the variant (languages written without spaces).
    var isTrigramIndexed: Bool { Schema.trigramLanguages.contains(base) }

    init(_ variant: Variant) {
        language = variant.language.description
        base = variant.language.language
        attributes = AttributesJSON.encode(variant.attributes)
        let segment = variant.segment
        if segment.hasCodes {
            markup = segment.tmxMarkup
            plain = segment.plainText
            codes = segment.codeCount
        } else {
            plain = segment.plainText
            markup = XMLEscaping.text(plain)
            codes = 0
        }
    }
}
