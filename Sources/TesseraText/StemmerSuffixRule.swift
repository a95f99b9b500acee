/// One suffix rewrite of a light stemmer, as data: a word that ends with ``suffix`` (and not with
/// one of ``exceptions``) and has more than ``minimumLetters`` letters gets ``replacement``
/// instead. A stemmer lists its rules in order; the first that applies wins
/// (``firstApplying(_:to:)``).
///
/// ```swift
/// let plurals = [StemmerSuffixRule("aux", "al", longerThan: 4), StemmerSuffixRule("s", "", except: ["ss"])]
/// StemmerSuffixRule.firstApplying(plurals, to: "generaux")   // "general"
/// StemmerSuffixRule.firstApplying(plurals, to: "classes")    // "classe"
/// ```
struct StemmerSuffixRule: Sendable {
    /// The ending replaced.
    let suffix: String
    /// What stands in its place (often nothing).
    let replacement: String
    /// The rule applies only to words with more letters than this.
    let minimumLetters: Int
    /// Endings that keep the rule from applying (`ss` for a plural `s`).
    let exceptions: [String]

    /// Creates a rule.
    init(_ suffix: String, _ replacement: String, longerThan minimumLetters: Int = 0, except exceptions: [String] = []) {
        self.suffix = suffix
        self.replacement = replacement
        self.minimumLetters = minimumLetters
        self.exceptions = exceptions
    }

    /// `word` rewritten, or `nil` when the rule does not apply to it.
    @inline(__always) func apply(to word: String) -> String? {
        guard word.endsWith(suffix), word.letterCount > minimumLetters,
            !exceptions.contains(where: { word.endsWith($0) })
        else { return nil }
        return word.droppingLast(suffix.letterCount) + replacement
    }

    /// `word` rewritten by the first of `rules` that applies; `word` itself when none does.
    static func firstApplying(_ rules: [StemmerSuffixRule], to word: String) -> String {
        for rule in rules {
            if let rewritten = rule.apply(to: word) { return rewritten }
        }
        return word
    }
}
