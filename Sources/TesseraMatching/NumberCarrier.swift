import Foundation

/// Auto-localisation of numbers: when a query and a matched source differ only in numbers, the
/// query's numbers replace the source's numbers in the suggested target.
///
/// ```swift
/// let en = LanguageTag("en")
/// NumberCarrier.carry(query: MatchText("Delete 5 files", language: en),
///                     source: MatchText("Delete 3 files", language: en),
///                     target: "3 Dateien löschen")   // "5 Dateien löschen"
/// ```
package enum NumberCarrier {
    /// The target with the query's numbers carried over, or `nil` when the texts differ in more than
    /// numbers, when nothing differs, or when a source number does not occur exactly once in the
    /// target (then no safe replacement exists).
    ///
    /// - Parameters:
    ///   - query: The analysed query.
    ///   - source: The analysed source segment of the match.
    ///   - target: The target segment's plain text.
    /// - Complexity: O(n + t) in the number of words and the target length.
    package static func carry(query: MatchText, source: MatchText, target: String) -> String? {
        guard query.words.count == source.words.count else { return nil }
        var replacements: [(from: String, to: String)] = []
        for index in query.words.indices where query.words[index] != source.words[index] {
            guard query.isNumber[index], source.isNumber[index] else { return nil }
            let original = FuzzyScorer.rawWords(source)[index]
            let wanted = FuzzyScorer.rawWords(query)[index]
            replacements.append((String(original), String(wanted)))
        }
        guard !replacements.isEmpty else { return nil }
        var result = target
        for (from, to) in replacements {
            let parts = result.components(separatedBy: from)
            guard parts.count == 2 else { return nil }
            // Do not replace inside a longer number ("3" inside "13").
            if let before = parts[0].last, before.isNumber { return nil }
            if let after = parts[1].first, after.isNumber { return nil }
            result = parts[0] + to + parts[1]
        }
        return result
    }
}
