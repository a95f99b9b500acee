public import TesseraCore

/// Which units a read returns, by language.
///
/// Languages match by primary language subtag, so that a request for `en-US` also finds units
/// whose variant is `en` or `en-GB`; the caller picks the best variant with
/// `TranslationUnit.bestVariant(for:)` (region fallback).
///
/// ```swift
/// let filter = UnitFilter(source: LanguageTag("en-US"), targets: [LanguageTag("fr-CA")!])
/// ```
public struct UnitFilter: Hashable, Sendable {
    /// A unit must have a variant sharing this language, if set.
    public var source: LanguageTag?
    /// A unit must have a variant sharing one of these languages, unless empty.
    public var targets: [LanguageTag]

    /// Every unit.
    public static let all = UnitFilter()

    /// Creates a filter.
    public init(source: LanguageTag? = nil, targets: [LanguageTag] = []) {
        self.source = source
        self.targets = targets
    }
}
