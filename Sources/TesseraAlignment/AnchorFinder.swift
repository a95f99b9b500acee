/// Finds sure points of correspondence ("anchors") between two documents before any alignment:
/// a shared number or cognate key that occurs in the same number of sentences on both sides
/// (at most `maximumOccurrences`) pairs its k-th source sentence with its k-th target
/// sentence, and the longest chain of such pairs increasing on both sides is kept.
///
/// The anchors guide the first pass's band (``AlignmentBand/init(anchors:sourceCount:targetCount:halfWidth:)``),
/// so that a book whose translation drifts hundreds of sentences from the diagonal (a dropped
/// chapter, many merges) is searched in a narrow band around its true path instead of a band
/// wide enough to contain the drift. This is the idea of the anchor points of Melamed's SIMR and
/// of hunalign's first pass, with our own matching rule.
///
/// ```swift
/// let anchors = AnchorFinder().anchors(features)   // [(source: 12, target: 14), ...]
/// ```
///
/// - Complexity: O(K + A log A) for K key occurrences and A candidate anchors.
package struct AnchorFinder: Sendable {
    /// Keys occurring in more sentences than this are ignored (too common to anchor).
    package var maximumOccurrences: Int

    /// Creates a finder.
    package init(maximumOccurrences: Int = 30) {
        self.maximumOccurrences = maximumOccurrences
    }

    /// The anchors, increasing in both source and target index.
    package func anchors(_ features: BilingualFeatures) -> [(source: Int, target: Int)] {
        var sourceOccurrences: [Int32: [Int]] = [:]
        var targetOccurrences: [Int32: [Int]] = [:]
        for (index, unit) in features.source.enumerated() {
            for item in unit.items where item.key >= 0 && item.weight >= BilingualFeatures.wordWeight {
                sourceOccurrences[item.key, default: []].append(index)
            }
        }
        for (index, unit) in features.target.enumerated() {
            for item in unit.items where item.key >= 0 && item.weight >= BilingualFeatures.wordWeight {
                targetOccurrences[item.key, default: []].append(index)
            }
        }
        var candidates: [(source: Int, target: Int)] = []
        for (key, sources) in sourceOccurrences where sources.count <= maximumOccurrences {
            guard let targets = targetOccurrences[key], targets.count == sources.count else { continue }
            for (s, t) in zip(sources, targets) { candidates.append((s, t)) }
        }
        return Self.longestIncreasingChain(candidates)
    }

    /// The longest chain strictly increasing in both coordinates (patience sorting on the target
    /// index after sorting by source index, ties broken so that one source index is used once).
    static func longestIncreasingChain(_ points: [(source: Int, target: Int)]) -> [(source: Int, target: Int)] {
        let sorted = points.sorted { $0.source != $1.source ? $0.source < $1.source : $0.target > $1.target }
        var tails: [Int] = []  // index into sorted of the smallest tail of a chain of each length
        var previous = [Int](repeating: -1, count: sorted.count)
        for (index, point) in sorted.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[tails[middle]].target < point.target { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(source: Int, target: Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            chain.append(sorted[cursor])
            cursor = previous[cursor]
        }
        chain.reverse()
        // Strict in source too: drop a point that repeats the previous source index.
        var strict: [(source: Int, target: Int)] = []
        for point in chain where strict.last.map({ $0.source < point.source && $0.target < point.target }) ?? true {
            strict.append(point)
        }
        return strict
    }
}
