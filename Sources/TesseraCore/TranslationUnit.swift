/// A translation unit: the same text in any number of languages (TMX `<tu>`).
///
/// Every attribute, property and note read from a file is kept so that an export writes back
/// what was imported. A unit made by the aligner has ``origin`` `.aligned`.
///
/// - SeeAlso: [TMX 1.4b §3.3, `<tu>`](https://www.gala-global.org/tmx-14b)
public struct TranslationUnit: Hashable, Sendable, Codable {
    /// The unit identifier (`tuid`), if any.
    public var tuid: String?
    /// The unit's own source language (`<tu srclang>`), which overrides the header's.
    public var sourceLanguage: LanguageTag?
    /// The other `<tu>` attributes in document order (`creationdate`, `changedate`,
    /// `usagecount`, `o-tmf`, `datatype`, `segtype`, ...). Neither `tuid` nor `srclang`.
    public var attributes: [Attribute]
    /// `<prop>` elements of the unit.
    public var props: [Prop]
    /// `<note>` elements of the unit.
    public var notes: [Note]
    /// The language variants (`<tuv>`) in document order.
    public var variants: [Variant]
    /// Where the unit came from.
    public var origin: Origin

    /// Creates a unit.
    public init(
        tuid: String? = nil, sourceLanguage: LanguageTag? = nil, attributes: [Attribute] = [],
        props: [Prop] = [], notes: [Note] = [], variants: [Variant] = [], origin: Origin = .imported
    ) {
        self.tuid = tuid
        self.sourceLanguage = sourceLanguage
        self.attributes = attributes
        self.props = props
        self.notes = notes
        self.variants = variants
        self.origin = origin
    }

    /// The first variant whose language is exactly `language`.
    public func variant(exactly language: LanguageTag) -> Variant? {
        variants.first { $0.language == language }
    }

    /// The variant that best answers a request for `language` (exact tag, then base language or a
    /// regional variant of it, then a sibling region), or `nil` when no variant shares its language.
    public func bestVariant(for language: LanguageTag) -> Variant? {
        var best: (rank: Int, variant: Variant)?
        for variant in variants {
            guard let rank = language.fallbackRank(of: variant.language) else { continue }
            if best == nil || rank > best!.rank { best = (rank, variant) }
        }
        return best?.variant
    }

    /// The unit's change date (`changedate`, else `creationdate`), parsed from the TMX format.
    public var lastChanged: TMXDate? {
        (attributes[named: "changedate"] ?? attributes[named: "creationdate"]).flatMap(TMXDate.init)
    }

    /// The languages of the variants, in order, without repeats.
    public var languages: [LanguageTag] {
        var seen = Set<LanguageTag>()
        return variants.map(\.language).filter { seen.insert($0).inserted }
    }
}

/// One language version of a unit (TMX `<tuv>`).
public struct Variant: Hashable, Sendable, Codable {
    /// The variant language (`xml:lang`, or `lang` in TMX 1.1), canonicalised.
    public var language: LanguageTag
    /// The segment content.
    public var segment: Segment
    /// The other `<tuv>` attributes in document order (`creationdate`, `changeid`, ...);
    /// neither `xml:lang` nor `lang`.
    public var attributes: [Attribute]
    /// `<prop>` elements of the variant.
    public var props: [Prop]
    /// `<note>` elements of the variant.
    public var notes: [Note]

    /// Creates a variant.
    public init(language: LanguageTag, segment: Segment, attributes: [Attribute] = [], props: [Prop] = [], notes: [Note] = []) {
        self.language = language
        self.segment = segment
        self.attributes = attributes
        self.props = props
        self.notes = notes
    }
}

/// A TMX `<prop>`: a typed, tool-specific property.
public struct Prop: Hashable, Sendable, Codable {
    /// The `type` attribute (`x-domain`, `x-context`, `tessera:confidence`, ...).
    public var type: String
    /// The text content.
    public var value: String
    /// `xml:lang`, if given.
    public var language: LanguageTag?
    /// `o-encoding`, if given.
    public var encoding: String?

    /// Creates a property.
    public init(type: String, value: String, language: LanguageTag? = nil, encoding: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
        self.encoding = encoding
    }
}

/// A TMX `<note>`: a free-text comment.
public struct Note: Hashable, Sendable, Codable {
    /// The text content.
    public var value: String
    /// `xml:lang`, if given.
    public var language: LanguageTag?
    /// `o-encoding`, if given.
    public var encoding: String?

    /// Creates a note.
    public init(value: String, language: LanguageTag? = nil, encoding: String? = nil) {
        self.value = value
        self.language = language
        self.encoding = encoding
    }
}

/// Where a unit came from; lookups rank aligned units below human-made ones.
public enum Origin: String, Hashable, Sendable, Codable, CaseIterable {
    /// Read from a TMX file (made by a translator in a CAT tool).
    case imported
    /// Produced by the sentence aligner.
    case aligned
}
