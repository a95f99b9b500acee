/// A count and a noun for the summaries people read: "1 pair", "2 pairs", "0 entries".
///
/// ```swift
/// Plural.count(1, "pair")                 // "1 pair"
/// Plural.count(3, "entry", "entries")     // "3 entries"
/// ```
package enum Plural {
    /// `count` followed by `singular` when `count` is 1, else by `plural` (default: `singular` + "s").
    package static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
