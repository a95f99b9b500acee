/// A query of at most 64 token ids prepared for bit-parallel edit distance: one bit mask per
/// distinct token (where it occurs in the query), in a small open-addressing table.
///
/// The distance is ``EditDistance``'s (an adjacent swap costs 1, as an insertion, a deletion or a
/// substitution does), computed by Myers' bit-vector algorithm in Hyyrö's formulation for the global
/// distance, with Hyyrö's extension for transpositions: one column of the dynamic-programming table
/// per candidate token, held as vertical +1/−1 difference vectors and the diagonal zero vector, so
/// a candidate of `m` tokens costs O(m) word operations and no allocation. It gives exactly
/// ``EditDistance/distance(_:_:limit:)``.
///
/// ```swift
/// let pattern = TokenPattern([1, 2, 3])!
/// pattern.distance(to: [1, 3], limit: 5)      // 1
/// pattern.distance(to: [2, 1, 3], limit: 5)   // 1 (a swap)
/// pattern.distance(to: [4, 5], limit: 1)      // nil
/// ```
///
/// - SeeAlso: G. Myers, "A fast bit-vector algorithm for approximate string matching based on
///   dynamic programming" (J. ACM 46, 1999); H. Hyyrö, "Explaining and extending the bit-parallel
///   approximate string matching algorithm of Myers" (2001); H. Hyyrö, "A bit-vector algorithm for
///   computing Levenshtein and Damerau edit distances" (Nordic Journal of Computing 10, 2003).
struct TokenPattern: Sendable {
    /// The longest query the pattern holds (one machine word).
    static let maximumLength = 64

    /// The number of tokens of the query.
    let count: Int
    /// Table slots: token id (``empty`` when free) and its occurrence mask.
    private var keys: [UInt32]
    private var masks: [UInt64]
    private let shift: UInt32
    private let slotMask: Int

    /// The key of a free slot (its mask is 0, so a token equal to it matches nothing).
    private static let empty = UInt32.max

    /// Prepares `tokens`; `nil` when there are none or more than ``maximumLength``.
    /// - Parameter tokens: The query's token ids; ids at or above `UInt32.max - 2^20` stand for
    ///   words the index does not know and never match.
    /// - Complexity: O(n).
    init?(_ tokens: [UInt32]) {
        guard !tokens.isEmpty, tokens.count <= Self.maximumLength else { return nil }
        count = tokens.count
        var bits: UInt32 = 4
        while (1 << bits) < 2 * tokens.count { bits += 1 }
        let size = 1 << Int(bits)
        shift = 32 - bits
        slotMask = size - 1
        keys = [UInt32](repeating: Self.empty, count: size)
        masks = [UInt64](repeating: 0, count: size)
        for (position, token) in tokens.enumerated() where token < Self.empty - (1 << 20) {
            var slot = Self.slot(token, shift)
            while keys[slot] != Self.empty && keys[slot] != token { slot = (slot + 1) & slotMask }
            keys[slot] = token
            masks[slot] |= 1 << UInt64(position)
        }
    }

    @inline(__always) private static func slot(_ token: UInt32, _ shift: UInt32) -> Int {
        Int((token &* 0x9E37_79B1) >> shift)
    }

    /// The positions of `token` in the query as a bit mask (0 when it does not occur).
    @inline(__always) func mask(_ token: UInt32) -> UInt64 {
        var slot = Self.slot(token, shift)
        while true {
            let key = keys[slot]
            if key == token { return masks[slot] }
            if key == Self.empty { return 0 }
            slot = (slot + 1) & slotMask
        }
    }

    /// The edit distance between the query and `text`, or `nil` when it exceeds `limit`.
    ///
    /// - Parameters:
    ///   - text: The candidate's token ids.
    ///   - limit: The largest distance of interest (stops early once it cannot be reached).
    /// - Complexity: O(m) for `m` candidate tokens, no allocation.
    func distance(to text: [UInt32], limit: Int) -> Int? {
        distance(count: text.count, limit: limit) { text[$0] }
    }

    /// The edit distance to the tokens at `range` of an index column (read in place).
    func distance(to column: MatchIndexColumn<UInt32>, _ range: Range<Int>, limit: Int) -> Int? {
        let start = range.lowerBound
        return distance(count: range.count, limit: limit) { column[start + $0] }
    }

    /// The state of a distance computation fed one text unit at a time: the last column of the
    /// dynamic-programming table as difference vectors, its diagonal zero vector and match mask
    /// (for the swap step of the next column), and its bottom cell.
    struct Progress {
        var positive: UInt64 = ~0
        var negative: UInt64 = 0
        /// Rows whose cell equals its upper-left neighbour, in the last column.
        var diagonalZero: UInt64 = 0
        /// The query positions of the last text unit (0 before the first).
        var lastEqual: UInt64 = 0
        /// `D[n][j]`: the distance from the query to the units fed so far.
        var score: Int
    }

    /// The state before any text unit (`score` is the query length).
    @inline(__always) func start() -> Progress { Progress(score: count) }

    /// Feeds the next text unit.
    ///
    /// Row `i` of the new column keeps its diagonal (`D[i][j] = D[i-1][j-1]`) when the units are
    /// equal, when the cell left of it or above it falls by one (the carry chain of the addition), or
    /// when the query's units `i-1, i` are the text's `j, j-1` swapped and `D[i-1][j-1]` rose on
    /// its diagonal (then `D[i-2][j-2] + 1` reaches it): Hyyrö's transposition vector.
    @inline(__always) func advance(_ progress: inout Progress, _ token: UInt32) {
        let high: UInt64 = 1 << UInt64(count - 1)
        let equal = mask(token)
        let swapped = ((~progress.diagonalZero & equal) << 1) & progress.lastEqual
        let kept = equal | swapped
        let diagonalZero = (((kept & progress.positive) &+ progress.positive) ^ progress.positive) | kept | progress.negative
        var horizontalPositive = progress.negative | ~(diagonalZero | progress.positive)
        var horizontalNegative = progress.positive & diagonalZero
        if horizontalPositive & high != 0 {
            progress.score += 1
        } else if horizontalNegative & high != 0 {
            progress.score -= 1
        }
        horizontalPositive = (horizontalPositive << 1) | 1  // row 0 grows by one per column
        horizontalNegative <<= 1
        progress.positive = horizontalNegative | ~(diagonalZero | horizontalPositive)
        progress.negative = horizontalPositive & diagonalZero
        progress.diagonalZero = diagonalZero
        progress.lastEqual = equal
    }

    /// The distance to the `m` tokens given by `token(0) ... token(m - 1)`.
    @inline(__always) private func distance(count m: Int, limit: Int, token: (Int) -> UInt32) -> Int? {
        if abs(count - m) > limit { return nil }
        if m == 0 { return count <= limit ? count : nil }
        var progress = start()
        for j in 0..<m {
            advance(&progress, token(j))
            // The last row falls by at most one per remaining column.
            if progress.score - (m - 1 - j) > limit { return nil }
        }
        return progress.score <= limit ? progress.score : nil
    }
}
