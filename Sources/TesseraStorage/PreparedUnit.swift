public import TesseraCore
public import TesseraMatching

/// A unit with everything its storage needs computed in advance: each variant's markup, plain
/// text and code count, the content hash and the packed change date.
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
    /// Each variant analysed for the match index (`nil` for a variant whose tag the index leaves
    /// out), when prepared with a vocabulary.
    let matchAnalyses: [MatchIndexAnalysis?]?

    /// Prepares `unit` for storage.
    /// - Complexity: O(total length of the unit's segments).
    public init(_ unit: TranslationUnit) {
        self.init(unit, analysingWith: nil)
    }

    /// Prepares `unit` for storage and, given the vocabulary of a ``MatchIndexUpdate``, analyses
    /// its variants for the match index as well (the words of the stored plain text).
    ///
    /// - Parameters:
    ///   - unit: The unit.
    ///   - vocabulary: The vocabulary of the running match-index update, if any. It is not
    ///     thread-safe: only one thread may prepare units with it.
    /// - Complexity: O(total length of the unit's segments).
    public init(_ unit: TranslationUnit, analysingWith vocabulary: MatchIndexVocabulary?) {
        self.unit = unit
        let rows = unit.variants.map(VariantRow.init)
        self.rows = rows
        pairs = rows.map { VariantPair(language: $0.language, markup: $0.markup) }
        // The content hash is the duplicate key of a unit without a tuid only (DuplicateKey).
        hash = unit.tuid?.isEmpty == false ? 0 : ContentHash.of(pairs)
        changed = ChangeDate.packed(unit)
        matchAnalyses = vocabulary.map { vocabulary in rows.map { vocabulary.analyse($0.plain, languageTag: $0.language) } }
    }
}
