import Testing
@testable import TesseraAlignment

struct PivotAlignmentTests {
    /// Parses `"0-1:0-1 1-3:1-2"` (source range : target range, half-open) into beads.
    static func beads(_ text: String) -> [Bead] {
        text.split(separator: " ").map { part in
            let sides = part.split(separator: ":").map { side in
                let bounds = side.split(separator: "-").compactMap { Int($0) }
                return bounds[0]..<bounds[1]
            }
            return Bead(source: sides[0], target: sides[1], cost: 0, confidence: 1)
        }
    }

    @Test(arguments: [
        // One alignment: the spans are its beads (1-0 and 0-1 left out).
        (["0-1:0-1 1-3:1-2 3-4:2-2 4-4:2-3 4-5:3-4"], ["0-1", "1-3", "4-5"]),
        // A merge in one language and two 1-1 in the other give one span.
        (["0-1:0-1 1-3:1-2", "0-1:0-1 1-2:1-2 2-3:2-3"], ["0-1", "1-3"]),
        // Overlaps chain: 0-2 in one, 1-3 in the other -> one span 0-3.
        (["0-2:0-1 2-3:1-2", "0-1:0-1 1-3:1-2"], ["0-3"]),
        // Identical alignments keep their beads.
        (["0-1:0-1 1-2:1-3", "0-1:0-2 1-2:2-3"], ["0-1", "1-2"]),
        // A source sentence only one target covers still gives a span.
        (["0-1:0-1 1-2:1-1", "0-1:0-1 1-2:1-2"], ["0-1", "1-2"]),
    ])
    func spans_areMinimalCoveringSpans(_ alignments: [String], _ expected: [String]) {
        let spans = PivotAlignment.spans(alignments.map(Self.beads))
        #expect(spans.map { "\($0.source.lowerBound)-\($0.source.upperBound)" } == expected)
        // Every bead with two sides is in exactly one span, inside it, in its alignment's slot.
        for (index, text) in alignments.enumerated() {
            let expectedBeads = Self.beads(text).filter { !$0.source.isEmpty && !$0.target.isEmpty }
            let placed = spans.flatMap { span in
                span.beads[index].map { bead in
                    #expect(span.source.contains(bead.source.lowerBound) && bead.source.upperBound <= span.source.upperBound)
                    return bead
                }
            }
            #expect(placed == expectedBeads)
        }
    }

    @Test func spans_ofNoAlignmentAreEmpty() {
        #expect(PivotAlignment.spans([]).isEmpty)
        #expect(PivotAlignment.spans([[], []]).isEmpty)
    }
}
