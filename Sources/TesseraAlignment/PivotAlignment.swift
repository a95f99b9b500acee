/// Joins several alignments of one source document (one per translation) into multilingual
/// units pivoting on the source sentences.
///
/// The source spans of the beads of all alignments are grouped into *minimal covering spans*:
/// two beads whose source ranges overlap (in any alignment) fall in the same span, and spans are
/// as small as that allows. Each span then holds, per alignment, the beads inside it. A German
/// `[3, 4]:[4]` and a French `[4]:[4]`, `[3]:[3]` give one span `3..<5` with one German bead and
/// two French beads.
///
/// Beads with an empty side (1-0, 0-1) take no part: they have nothing to pivot on or nothing to
/// contribute.
///
/// ```swift
/// let spans = PivotAlignment.spans([germanBeads, frenchBeads])
/// for span in spans { print(span.source, span.beads.map(\.count)) }
/// ```
///
/// - Complexity: O(B log B) for B beads in all.
package enum PivotAlignment {
    /// One minimal covering span of source sentences.
    package struct Span: Sendable, Hashable {
        /// The source sentences of the span.
        package var source: Range<Int>
        /// Per alignment (in the order given), its beads inside the span, in order; empty when that
        /// alignment has none there.
        package var beads: [[Bead]]

        /// Creates a span.
        package init(source: Range<Int>, beads: [[Bead]]) {
            self.source = source
            self.beads = beads
        }
    }

    /// The minimal covering spans of the beads of `alignments`, in source order.
    /// - Parameter alignments: The beads of each alignment (same source document).
    /// - Returns: The spans; a span appears only when at least one alignment has a bead there.
    package static func spans(_ alignments: [[Bead]]) -> [Span] {
        let ranges = alignments.flatMap { $0 }.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map(\.source)
            .sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound < $1.upperBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var spans = merged.map { Span(source: $0, beads: Array(repeating: [], count: alignments.count)) }
        for (index, beads) in alignments.enumerated() {
            for bead in beads where !bead.source.isEmpty && !bead.target.isEmpty {
                if let spanIndex = spanIndex(of: bead.source.lowerBound, in: merged) {
                    spans[spanIndex].beads[index].append(bead)
                }
            }
        }
        return spans
    }

    /// The index of the span holding `sentence` (binary search over sorted disjoint ranges).
    static func spanIndex(of sentence: Int, in spans: [Range<Int>]) -> Int? {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound <= sentence {
                low = middle + 1
            } else if spans[middle].lowerBound > sentence {
                high = middle
            } else {
                return middle
            }
        }
        return nil
    }
}
