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

extension VariantRow {
    /// The segment of a stored variant: its markup read back (a markup without codes or entities
    /// is the text itself); `nil` when the markup cannot be read.
    package static func segment(markup: String, codes: Int) -> Segment? {
        if codes == 0, !markup.utf8.contains(UInt8(ascii: "&")) { return Segment(text: markup) }
        return Segment(tmxMarkup: markup)
    }
}
