/// A deduction from a fuzzy score, listed apart from the edit-distance part so that a user sees why
/// a match scores what it does. The points are documented in `Docs/MATCHING.md`.
///
/// ```swift
/// MatchPenalty(.numbers).points   // 1
/// ```
public struct MatchPenalty: Sendable, Hashable, Codable {
    /// What differs.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The number of inline codes differs (1 point per code, at most 3).
        case inlineCodes
        /// The numbers differ (1 point; the suggestion carries the query's numbers when only
        /// numbers differ).
        case numbers
        /// Same words, but white space differs (1 point).
        case whitespace
        /// Same words, but upper/lower case differs (2 points).
        case letterCase
        /// Same words, but punctuation differs (2 points).
        case punctuation
        /// The unit was made by the sentence aligner, not by a translator (2 points).
        case origin
    }

    /// What differs.
    public var kind: Kind
    /// Points taken off the percentage.
    public var points: Int

    /// Creates a penalty with the documented points for its kind (or `points` if given).
    public init(_ kind: Kind, points: Int? = nil) {
        self.kind = kind
        self.points = points ?? MatchPenalty.defaultPoints(kind)
    }

    /// The documented points of each kind.
    public static func defaultPoints(_ kind: Kind) -> Int {
        switch kind {
        case .inlineCodes, .numbers, .whitespace: 1
        case .letterCase, .punctuation, .origin: 2
        }
    }

    /// The largest total of penalties a match can get (inline codes at most 3): a candidate needs a
    /// base score of at most `minimum + maximumTotal` to be worth a closer look.
    package static let maximumTotal = 3 + 1 + 1 + 2 + 2 + 2
}
