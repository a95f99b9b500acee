public import TesseraCore
import Foundation

/// One segment found by a concordance search
/// (``TranslationStore/searchConcordance(_:language:otherLanguage:limit:pairFilter:)``).
public struct ConcordanceHit: Sendable, Hashable {
    /// The marker before a highlighted hit.
    public static let highlightStart = "\u{1}"
    /// The marker after a highlighted hit.
    public static let highlightEnd = "\u{2}"

    /// The variant id.
    public var id: Int64
    /// The unit id.
    public var unit: Int64
    /// The variant language.
    public var language: LanguageTag
    /// The plain text with ``highlightStart``/``highlightEnd`` around each hit.
    public var highlighted: String
    /// The unit's other language versions (language, plain text) in document order, filtered by
    /// the search's other language.
    public var others: [(language: LanguageTag, text: String)]

    /// Creates a hit.
    public init(id: Int64, unit: Int64, language: LanguageTag, highlighted: String, others: [(language: LanguageTag, text: String)]) {
        self.id = id
        self.unit = unit
        self.language = language
        self.highlighted = highlighted
        self.others = others
    }

    /// `text` with every occurrence of each of `parts` marked (``highlightStart`` … ``highlightEnd``),
    /// marks already in `text` kept: how a store marks the symbols and substrings its full-text
    /// index does not highlight itself.
    ///
    /// ```swift
    /// ConcordanceHit.marking("5 € or 6 €", ["€"])   // "5 \u{1}€\u{2} or 6 \u{1}€\u{2}"
    /// ```
    public static func marking(_ text: String, _ parts: [String]) -> String {
        var out = text
        for part in parts where !part.isEmpty {
            out = out.components(separatedBy: part).joined(separator: highlightStart + part + highlightEnd)
        }
        return out
    }

    /// Equal when the variant, its marked text and the other versions are equal.
    public static func == (lhs: ConcordanceHit, rhs: ConcordanceHit) -> Bool {
        lhs.id == rhs.id && lhs.highlighted == rhs.highlighted
            && lhs.others.map { "\($0.language)\t\($0.text)" } == rhs.others.map { "\($0.language)\t\($0.text)" }
    }

    /// Hashes the variant id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
