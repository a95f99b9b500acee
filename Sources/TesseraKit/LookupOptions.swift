import Foundation
public import TesseraCore

/// What a lookup asks for: languages, threshold, number of matches, context.
///
/// ```swift
/// let options = LookupOptions(source: LanguageTag("en")!, targets: [LanguageTag("de")!], minimum: 75, limit: 5)
/// ```
public struct LookupOptions: Sendable, Hashable {
    /// The query language.
    public var source: LanguageTag
    /// The wanted target languages (fallback: `de` finds `de-DE` and `de-AT`; `de-CH` prefers
    /// `de-CH`, then `de`, then a sibling); `nil` for every language of the unit.
    public var targets: [LanguageTag]?
    /// The lowest percentage shown (0...101).
    public var minimum: Int
    /// The largest number of matches shown.
    public var limit: Int
    /// The previous source segment; an exact match whose unit has this context (`x-context` prop,
    /// or the tuid) scores 101.
    public var context: String?
    /// Score every segment instead of asking the index (slow; the reference the index is measured
    /// against).
    public var exhaustive = false

    /// Creates options.
    public init(source: LanguageTag, targets: [LanguageTag]?, minimum: Int = 75, limit: Int = 5, context: String? = nil) {
        self.source = source
        self.targets = targets
        self.minimum = minimum
        self.limit = limit
        self.context = context
    }
}
