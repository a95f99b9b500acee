public import TesseraCore

/// A unit with everything its storage needs computed in advance: each variant's markup, plain
/// text, matching key and code count, the content hash and the packed change date.
///
/// All of it is a pure function of the unit, so an import can prepare units on its reading thread
/// while the writing thread spends its time in SQLite (``UnitSink/add(_:)-(PreparedUnit)``).
///
/// ```swift
/// let prepared = PreparedUnit(unit)      // any thread
/// try sink.add(prepared)                 // the write transaction's thread
/// ```
public struct PreparedUnit: Sendable {
    /// The unit itself.
    public let unit: TranslationUnit
    let rows: [VariantRow]
    let pairs: [VariantPair]
    let hash: Int64
    let changed: Int64?

    /// Prepares `unit` for storage.
    /// - Complexity: O(total length of the unit's segments).
    public init(_ unit: TranslationUnit) {
        self.unit = unit
        rows = unit.variants.map(VariantRow.init)
        pairs = rows.map { VariantPair(language: $0.language, markup: $0.markup) }
        hash = ContentHash.of(pairs)
        changed = ChangeDate.packed(unit)
    }
}
