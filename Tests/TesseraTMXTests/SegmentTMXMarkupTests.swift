import Testing
import TesseraCore
import TesseraTMX

struct SegmentTMXMarkupTests {
    @Test func initTMXMarkup_isInverseOfTmxMarkupForEveryFixtureSegment() throws {
        var checked = 0
        for file in Fixtures.valid.map(\.file) {
            for unit in try Fixtures.readAll(Fixtures.path(file)).units {
                for variant in unit.variants {
                    let markup = variant.segment.tmxMarkup
                    #expect(try Segment(tmxMarkup: markup) == variant.segment, "\(file): \(markup)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: [
        ("", Segment([])),
        ("a &amp; b&#13;", Segment(text: "a & b\r")),
        ("x<ph x=\"1\">&lt;br/&gt;</ph>", Segment([.text("x"), .element(InlineElement(.ph, [Attribute("x", "1")], [.text("<br/>")]))])),
        ("<hi>t<sub>s</sub></hi>", Segment([.element(InlineElement(.hi, [], [.text("t"), .element(InlineElement(.sub, [], [.text("s")]))]))])),
    ])
    func initTMXMarkup_parsesMarkup(markup: String, expected: Segment) throws {
        #expect(try Segment(tmxMarkup: markup) == expected)
    }

    @Test(arguments: ["<ph>", "a</seg><seg>b", "&bogus;", "<ph x='1'></bpt>"])
    func initTMXMarkup_rejectsMalformedMarkup(markup: String) {
        #expect(throws: TMXError.self) { try Segment(tmxMarkup: markup) }
    }
}
