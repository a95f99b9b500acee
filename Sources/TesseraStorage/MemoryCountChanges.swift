/// The changes one batch makes to the counts that `stats` reads (`languageCount`, `pairCount`,
/// `importBatch.units`), gathered in memory while the batch writes and added to the tables by
/// each backend in the batch's transaction, so the counts always equal a recount of the rows.
///
/// A unit counts once in its batch, once per variant in that variant's language, and once per
/// distinct other language in the pair (its effective source language, that language).
package struct MemoryCountChanges {
    /// A source and target language.
    package struct LanguagePair: Hashable {
        /// The effective source language.
        package var source: String
        /// The other language.
        package var target: String
    }

    /// The change of the variant count per language.
    package private(set) var languages: [String: Int] = [:]
    /// The change of the unit count per language pair.
    package private(set) var pairs: [LanguagePair: Int] = [:]
    /// The change of the unit count per batch id.
    package private(set) var batches: [Int64: Int] = [:]

    /// No changes yet.
    package init() {}

    /// Counts a unit written (`sign` 1) or removed (`sign` -1).
    /// - Parameters:
    ///   - batch: the unit's batch id.
    ///   - source: its effective source language.
    ///   - languages: the languages of its variants, in any order, with repetitions.
    package mutating func count(batch: Int64, source: String, languages variantLanguages: [String], sign: Int) {
        batches[batch, default: 0] += sign
        for (index, language) in variantLanguages.enumerated() {
            languages[language, default: 0] += sign
            if language != source, !variantLanguages[..<index].contains(language) {
                pairs[LanguagePair(source: source, target: language), default: 0] += sign
            }
        }
    }
}
