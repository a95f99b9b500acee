/// The one edit distance of Tessera, over any sequences of equatable elements: token ids for
/// word-level matching, UTF-16 units for character level, scalars for glossary terms.
///
/// Inserting, deleting or substituting one element costs 1. With `transpositions: true` (the
/// default, what match scores use) it is the optimal string alignment distance (restricted
/// Damerau–Levenshtein): swapping two adjacent elements (`use the` for `the use`) costs 1 too, as
/// long as no element is edited again after the swap. With `transpositions: false` it is the
/// Levenshtein distance (what the glossary's fuzzy term lookup uses: a swap costs 2).
///
/// ```swift
/// EditDistance.distance(Array("hond".utf16), Array("hand".utf16))              // 1
/// EditDistance.distance(["not", "use", "the"], ["not", "the", "use"])          // 1 (a swap)
/// EditDistance.distance(Array("ca".utf16), Array("abc".utf16))                 // 3 (restricted)
/// EditDistance.distance([1, 2, 3], [1, 3], limit: 0)                           // nil
/// EditDistance.distance(Array("abcd".unicodeScalars), Array("acbd".unicodeScalars),
///                       transpositions: false)                                 // 2
/// ```
///
/// TesseraMatching's `TokenPattern` computes the same distance (with transpositions) bit-parallel
/// for queries of up to 64 units; a property test checks that the two always agree.
///
/// - SeeAlso: V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions and
///   reversals" (1966); F. J. Damerau, "A technique for computer detection and correction of
///   spelling errors" (1964); E. Ukkonen, "Algorithms for approximate string matching" (1985) for
///   the band.
public enum EditDistance {
    /// The edit distance between `a` and `b`, or `nil` when it exceeds `limit`.
    ///
    /// - Parameters:
    ///   - a: The first sequence.
    ///   - b: The second sequence.
    ///   - limit: The largest distance of interest; the computation stays in a diagonal band of
    ///     width `2 * limit + 1` and stops as soon as every cell of a row exceeds it.
    ///   - transpositions: Whether swapping two adjacent elements costs 1 (optimal string
    ///     alignment) rather than 2 (Levenshtein).
    /// - Returns: The distance, or `nil` if it is greater than `limit`.
    /// - Complexity: O(min(n·m, n·limit)) time, O(m) memory.
    @inlinable
    public static func distance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max, transpositions: Bool = true) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m <= limit ? m : nil }
        if m == 0 { return n <= limit ? n : nil }
        let band = limit >= max(n, m) ? max(n, m) : limit
        let big = Int.max / 4
        // Rows i - 2, i - 1 and i of the table (a swap reads the cell two rows and columns back,
        // on the same diagonal, so inside the band).
        var beforePrevious = [Int](repeating: big, count: m + 1)
        var previous = [Int](repeating: big, count: m + 1)
        var current = [Int](repeating: big, count: m + 1)
        for j in 0...min(m, band) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - band), high = min(m, i + band)
            current[0] = i <= band ? i : big
            if low > 1 { current[low - 1] = big }
            var rowMin = current[0]
            if low <= high {
                for j in low...high {
                    var value = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                    if transpositions, isSwap(a, b, i, j) { value = min(value, beforePrevious[j - 2] + 1) }
                    current[j] = value
                    if value < rowMin { rowMin = value }
                }
            }
            if high < m { current[high + 1] = big }
            // No later row holds a smaller cell (a swap from row i - 1 costs at least row i's minimum).
            if rowMin > limit { return nil }
            swap(&beforePrevious, &previous)
            swap(&previous, &current)
        }
        let result = previous[m]
        return result <= limit ? result : nil
    }

    /// Which elements of `a` have no identical partner in an optimal alignment with `b`
    /// (substituted or deleted), in order; two swapped elements both have their partner.
    ///
    /// ```swift
    /// EditDistance.unmatchedIndices(["the", "red", "car"], ["the", "blue", "car"])   // [1]
    /// EditDistance.unmatchedIndices(["the", "use"], ["use", "the"])                  // []
    /// ```
    /// - Complexity: O(n·m) time and memory; call it only for the few matches shown.
    public static func unmatchedIndices<T: Equatable>(_ a: [T], _ b: [T]) -> [Int] {
        let n = a.count, m = b.count
        if n == 0 { return [] }
        if m == 0 { return Array(0..<n) }
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        let width = m + 1
        for i in 0...n { table[i * width] = i }
        for j in 0...m { table[j] = j }
        for i in 1...n {
            for j in 1...m {
                let substitution = table[(i - 1) * width + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                var value = min(substitution, table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1)
                if isSwap(a, b, i, j) { value = min(value, table[(i - 2) * width + j - 2] + 1) }
                table[i * width + j] = value
            }
        }
        var unmatched: [Int] = []
        var i = n, j = m
        while i > 0 {
            let here = table[i * width + j]
            if j > 0, a[i - 1] == b[j - 1], here == table[(i - 1) * width + j - 1] {
                i -= 1; j -= 1
            } else if isSwap(a, b, i, j), here == table[(i - 2) * width + j - 2] + 1 {
                i -= 2; j -= 2
            } else if j > 0, here == table[(i - 1) * width + j - 1] + 1 {
                unmatched.append(i - 1); i -= 1; j -= 1
            } else if here == table[(i - 1) * width + j] + 1 {
                unmatched.append(i - 1); i -= 1
            } else {
                j -= 1
            }
        }
        return unmatched.reversed()
    }

    /// Whether `a[i-2] a[i-1]` is `b[j-2] b[j-1]` swapped (1-based ends `i`, `j`): the one rule for
    /// the swap step of every table of this type.
    @inlinable @inline(__always) static func isSwap<T: Equatable>(_ a: [T], _ b: [T], _ i: Int, _ j: Int) -> Bool {
        i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
    }
}
