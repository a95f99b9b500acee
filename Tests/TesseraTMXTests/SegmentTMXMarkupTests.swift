import Testing
import TesseraCore
import TesseraTMX

/// Every segment `TMXReader` reads from the fixture files survives `tmxMarkup` and TesseraCore's
/// `Segment(tmxMarkup:)` (the form a translation memory stores).
struct SegmentTMXMarkupTests {
    @Test func initTMXMarkup_isInverseOfTmxMarkupForEveryFixtureSegment() throws {
        var checked = 0
        for file in Fixtures.valid.map(\.file) {
            for unit in try Fixtures.readAll(Fixtures.path(file)).units {
                for variant in unit.variants {
                    let markup = variant.segment.tmxMarkup
                    #expect(Segment(tmxMarkup: markup) == variant.segment, "\(file): \(markup)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
