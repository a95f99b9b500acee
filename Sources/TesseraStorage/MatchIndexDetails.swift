public import TesseraCore

/// What a lookup shows about a candidate unit, read from the database by id after the index found
/// it: the unit's origin, identifiers, dates and context props, and every variant's plain text.
///
/// ```swift
/// let details = try MatchIndexDetails.fetch(tm, units: [42, 7])
/// details[42]?.variants.first?.text
/// ```
public struct MatchIndexDetails: Sendable, Hashable {
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

    /// Reads the details of `units`; units that no longer exist are missing from the result.
    /// - Complexity: three indexed queries per unit.
    public static func fetch(_ tm: TranslationMemory, units: [Int64]) throws -> [Int64: MatchIndexDetails] {
        try tm.matchUnits(units)
    }
}
