/// The score of one candidate against a query: the percentage shown, how it was reached and a
/// tie-break.
///
/// Scores order by ``percent``, then by ``tieBreak`` (character-level similarity of the folded
/// texts, punctuation included).
///
/// ```swift
/// let score = FuzzyScorer.score(query: MatchText("hond", language: en), candidate: MatchText("hand", language: en))
/// score.percent   // 75
/// ```
public struct MatchScore: Sendable, Hashable, Comparable, Codable {
    /// The percentage shown: 101 exact in context, 100 exact, otherwise at most 99.
    public var percent: Int
    /// The edit-distance part before penalties: `floor(100 · (L − d) / L)`.
    public var base: Int
    /// The edit distance `d` in units of ``granularity``.
    public var distance: Int
    /// The unit of comparison.
    public var granularity: MatchGranularity
    /// Deductions, each listed with its points.
    public var penalties: [MatchPenalty]
    /// Character-level similarity of the folded texts (0...1), for ordering equal percentages.
    public var tieBreak: Double
    /// Indices into the query's ``MatchText/words`` that have no identical partner in the candidate.
    public var differingWords: [Int]

    /// Creates a score.
    public init(
        percent: Int, base: Int, distance: Int, granularity: MatchGranularity, penalties: [MatchPenalty] = [],
        tieBreak: Double = 0, differingWords: [Int] = []
    ) {
        self.percent = percent
        self.base = base
        self.distance = distance
        self.granularity = granularity
        self.penalties = penalties
        self.tieBreak = tieBreak
        self.differingWords = differingWords
    }

    /// Whether the query and the candidate are the same text.
    public var isExact: Bool { percent >= 100 }

    /// Orders by ``percent``, then by ``tieBreak``.
    public static func < (lhs: MatchScore, rhs: MatchScore) -> Bool {
        (lhs.percent, lhs.tieBreak) < (rhs.percent, rhs.tieBreak)
    }
}
