public import TesseraCore

/// A unit read back from a ``TranslationStore`` with its row id and batch.
public struct StoredUnit: Hashable, Sendable {
    /// The row id (units are read in id order).
    public var id: Int64
    /// The import batch that wrote (or last replaced) the unit.
    public var batchID: Int64
    /// The effective source language: the unit's or the header's `srclang` resolved to one of its
    /// variants, else the first variant's language.
    public var sourceLanguage: LanguageTag
    /// The unit with variants, props, notes and attributes.
    public var unit: TranslationUnit

    /// Creates a stored unit.
    public init(id: Int64, batchID: Int64, sourceLanguage: LanguageTag, unit: TranslationUnit) {
        self.id = id
        self.batchID = batchID
        self.sourceLanguage = sourceLanguage
        self.unit = unit
    }
}
