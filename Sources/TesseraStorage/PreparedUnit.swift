public import TesseraCore
package import TesseraMatching

/// A unit with everything its storage needs computed in advance: each variant's markup, plain
/// text, code count and attributes JSON, the unit's attributes JSON, effective source language and
/// duplicate key, the content hash and the packed change date.
///
/// All of it is a pure function of the unit, so an import can prepare units on its reading thread
/// while the writing thread spends its time in the store (``UnitWriter/add(_:)-(PreparedUnit)``).
///
/// ```swift
/// let prepared = PreparedUnit(unit)      // any thread
/// try sink.add(prepared)                 // the write transaction's thread
/// ```
public struct PreparedUnit: Sendable {
    /// The unit itself.
    public let unit: TranslationUnit
    package let rows: [VariantRow]
    package let pairs: [VariantPair]
    package let hash: Int64
    package let changed: Int64?
    /// The unit's attributes as stored (``AttributesJSON``).
    package let attributes: String?
    /// The header source language the effective source language was resolved with.
    package let headerSource: LanguageTag?
    /// The effective source language and the duplicate key (`nil` for a unit without variants).
    package let identity: (source: String, key: DuplicateKey)?
    /// Each variant analysed for the match index (`nil` for a variant whose tag the index leaves
    /// out), when prepared with a vocabulary.
    package let matchAnalyses: [MatchIndexAnalysis?]?

    /// Prepares `unit` for storage.
    /// - Complexity: O(total length of the unit's segments).
    public init(_ unit: TranslationUnit) {
        self.init(unit, analysingWith: nil)
    }

    /// Prepares `unit` for storage in a batch whose header declares `headerSource` (the
    /// fallback of a unit without `srclang`, see ``sourceLanguage(of:headerSource:)``).
    package init(_ unit: TranslationUnit, headerSource: LanguageTag?) {
        self.init(unit, analysingWith: nil, headerSource: headerSource)
    }

    /// Prepares `unit` for storage and, given the vocabulary of the match index being built, analyses
    /// its variants for the match index as well (the words of the stored plain text).
    ///
    /// - Parameters:
    ///   - unit: The unit.
    ///   - vocabulary: The vocabulary of the running match-index update, if any. It is not
    ///     thread-safe: only one thread may prepare units with it.
    ///   - headerSource: The source language of the batch's header (``ImportBatch/header``);
    ///     a sink whose header differs prepares the unit's source language and key again.
    /// - Complexity: O(total length of the unit's segments).
    package init(_ unit: TranslationUnit, analysingWith vocabulary: MatchIndexVocabulary?, headerSource: LanguageTag? = nil) {
        self.unit = unit
        let rows = unit.variants.map(VariantRow.init)
        self.rows = rows
        let pairs = rows.map { VariantPair(language: $0.language, markup: $0.markup) }
        self.pairs = pairs
        // The content hash is the duplicate key of a unit without a tuid only (DuplicateKey).
        let hash = unit.tuid?.isEmpty == false ? 0 : ContentHash.of(pairs)
        self.hash = hash
        changed = ChangeDate.packed(unit)
        attributes = AttributesJSON.encode(unit.attributes)
        self.headerSource = headerSource
        identity = Self.identity(of: unit, pairs: pairs, hash: hash, headerSource: headerSource)
        matchAnalyses = vocabulary.map { vocabulary in rows.map { vocabulary.analyse($0.plain, languageTag: $0.language) } }
    }

    /// The unit's effective source language and duplicate key in a batch whose header declares
    /// `headerSource` (`nil` without variants): ``identity`` when prepared for that header, else
    /// resolved again.
    package func identity(headerSource batchHeaderSource: LanguageTag?) -> (source: String, key: DuplicateKey)? {
        batchHeaderSource == headerSource
            ? identity : Self.identity(of: unit, pairs: pairs, hash: hash, headerSource: batchHeaderSource)
    }

    /// The unit's effective source language and duplicate key in a batch whose header declares
    /// `headerSource`; `nil` for a unit without variants.
    package static func identity(
        of unit: TranslationUnit, pairs: [VariantPair], hash: Int64, headerSource: LanguageTag?
    ) -> (source: String, key: DuplicateKey)? {
        guard !unit.variants.isEmpty else { return nil }
        let source = sourceLanguage(of: unit, headerSource: headerSource)
        return (source, DuplicateKey(tuid: unit.tuid, source: source, pairs: pairs, contentHash: hash))
    }

    /// The effective source language: the unit's `srclang`, else the header's, resolved to a variant
    /// (exact tag, then language fallback); the first variant's language when there is none or it
    /// is `*all*`. The unit must have a variant.
    package static func sourceLanguage(of unit: TranslationUnit, headerSource: LanguageTag?) -> String {
        if let declared = unit.sourceLanguage ?? headerSource, !declared.isWildcard,
            let variant = unit.bestVariant(for: declared)
        {
            return variant.language.description
        }
        return unit.variants[0].language.description
    }
}
