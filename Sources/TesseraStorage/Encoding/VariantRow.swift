package import TesseraCore

/// The derived columns of one `variant` row, computed once per variant on write.
package struct VariantRow {
    /// The canonical language tag.
    package var language: String
    /// The primary language subtag.
    package var base: String
    /// The lossless level-2 markup (`Segment.tmxMarkup`).
    package var markup: String
    /// The plain text (codes removed).
    package var plain: String
    /// The number of inline codes.
    package var codes: Int
    /// The variant's attributes as stored (``AttributesJSON``), `nil` for none.
    package var attributes: String?

    package init(_ variant: Variant) {
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
