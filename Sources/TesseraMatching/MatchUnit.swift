public import TesseraCore

/// The data of one translation unit that a fuzzy match needs, read from the memory by id after the
/// index found it: the unit's origin, identifiers, dates and context props, and every variant's
/// plain text. ``FuzzyMatcher`` scores and ranks candidates against it.
///
/// ```swift
/// let unit = MatchUnit(
///     unit: 42, tuid: "menu.open", origin: .imported, props: [],
///     variants: [.init(id: 1, language: LanguageTag("en")!, text: "Open the file"),
///                .init(id: 2, language: LanguageTag("de")!, text: "Datei öffnen")])
/// unit.variants.first?.text   // "Open the file"
/// ```
public struct MatchUnit: Sendable, Hashable {
    /// One language version of the unit.
    public struct Variant: Sendable, Hashable {
        /// The variant row id.
        public var id: Int64
        /// Its language.
        public var language: LanguageTag
        /// Its plain text (inline codes removed).
        public var text: String
        /// How many inline codes its segment holds.
        public var codes: Int

        /// Creates a variant.
        public init(id: Int64, language: LanguageTag, text: String, codes: Int = 0) {
            self.id = id
            self.language = language
            self.text = text
            self.codes = codes
        }
    }

    /// The unit row id.
    public var unit: Int64
    /// The unit identifier from the TMX file.
    public var tuid: String?
    /// Where the unit came from.
    public var origin: Origin
    /// `creationdate` of the unit, as written in the file.
    public var created: String?
    /// `changedate` of the unit, as written in the file.
    public var changed: String?
    /// Props of the unit (`x-context`, `x-project`, ...), type and value.
    public var props: [Prop]
    /// The variants in document order.
    public var variants: [Variant]

    /// Creates the match data of a unit.
    public init(
        unit: Int64, tuid: String? = nil, origin: Origin = .imported, created: String? = nil, changed: String? = nil,
        props: [Prop] = [], variants: [Variant]
    ) {
        self.unit = unit
        self.tuid = tuid
        self.origin = origin
        self.created = created
        self.changed = changed
        self.props = props
        self.variants = variants
    }
}
