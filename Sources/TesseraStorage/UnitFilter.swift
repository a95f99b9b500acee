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

    /// The SQL condition on `unit` and its arguments.
    var sql: (condition: String, arguments: [String]) {
        var conditions: [String] = []
        var arguments: [String] = []
        if let source, !source.isWildcard {
            conditions.append("EXISTS (SELECT 1 FROM variant v WHERE v.unitId = unit.id AND v.base = ?)")
            arguments.append(source.language)
        }
        let bases = Array(Set(targets.filter { !$0.isWildcard }.map(\.language))).sorted()
        if !bases.isEmpty {
            let marks = Array(repeating: "?", count: bases.count).joined(separator: ", ")
            conditions.append("EXISTS (SELECT 1 FROM variant v WHERE v.unitId = unit.id AND v.base IN (\(marks)))")
            arguments += bases
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }
}
