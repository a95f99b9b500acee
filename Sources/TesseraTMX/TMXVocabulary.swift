import TesseraCore

/// Names from the TMX 1.4b DTD that the reader and writer share.
///
/// Attributes the DTD does not allow on `header`, `tu` or `tuv` (vendor extensions, TMX 1.1
/// leftovers, a `segtype` outside block/paragraph/sentence/phrase) cannot be written as
/// attributes into a valid TMX 1.4b file. ``TMXWriter`` writes each as a property
/// `<prop type="x-tessera-attr:NAME">VALUE</prop>` (first among the props), and ``TMXReader``
/// turns such properties back into attributes, so they survive a round trip. The reader lists an
/// element's DTD attributes first, then the others, each group in document order, so that the
/// round trip gives back the same attribute list.
///
/// - SeeAlso: [TMX 1.4b DTD](https://www.gala-global.org/tmx-14b)
enum TMXVocabulary {
    /// The prefix of the `type` of a property that carries a non-DTD attribute.
    static let attributePropPrefix = "x-tessera-attr:"

    /// The DTD's segment types.
    static let segmentTypes: Set<String> = ["block", "paragraph", "sentence", "phrase"]

    /// Attributes the DTD allows on `header`.
    static let headerAttributes: Set<String> = [
        "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype",
        "o-encoding", "creationdate", "creationid", "changedate", "changeid",
    ]

    /// Attributes the DTD allows on `tu` (`tuid` and `srclang` are fields of the unit).
    static let unitAttributes: Set<String> = [
        "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion",
        "creationdate", "creationid", "changedate", "segtype", "changeid", "o-tmf",
    ]

    /// Attributes the DTD allows on `tuv` (`xml:lang` and `lang` give the variant language).
    static let variantAttributes: Set<String> = [
        "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion",
        "creationdate", "creationid", "changedate", "o-tmf", "changeid",
    ]

    /// Whether `attribute` can be written as an attribute of an element allowing `allowed`.
    static func isAllowed(_ attribute: Attribute, in allowed: Set<String>) -> Bool {
        guard allowed.contains(attribute.name) else { return false }
        if attribute.name == "segtype" { return segmentTypes.contains(attribute.value) }
        return true
    }

    /// DTD attributes first, then the others, each group in its original order.
    static func partition(_ attributes: [Attribute], allowed: Set<String>) -> [Attribute] {
        let known = attributes.filter { isAllowed($0, in: allowed) }
        if known.count == attributes.count { return attributes }
        return known + attributes.filter { !isAllowed($0, in: allowed) }
    }
}
