import Testing
import TesseraCore

/// `Segment(tmxMarkup:)` is the one reader of TMX level-2 markup as `tmxMarkup` writes it (stored
/// segments); the round trip over every fixture file is in TesseraTMXTests.
struct SegmentTMXMarkupTests {
    static let segments: [Segment] = [
        Segment(text: ""),
        Segment(text: "plain & <simple> \"text\"\r\n"),
        // Every inline tag, nested sub flows, attributes and text that need escaping.
        Segment([
            .element(InlineElement(.it, [Attribute("pos", "end"), Attribute("x", "9")], [.text("</a>")])),
            .text("Tab\tand CR\r & <lt> \"q\" "),
            .element(InlineElement(.bpt, [Attribute("i", "3")], [.text("<span class=\"x\">")])),
            .element(InlineElement(.hi, [Attribute("type", "x-term")], [.text("Ölçü")])),
            .element(InlineElement(.ept, [Attribute("i", "3")], [.text("</span>")])),
            .element(InlineElement(.ph, [Attribute("type", "image")], [
                .text("<img title=\""), .element(InlineElement(.sub, [Attribute("type", "alt")], [.text("A tree")])), .text("\"/>"),
            ])),
        ]),
        Segment([.element(InlineElement(.ut, [], [.text("{\\b}")])), .text("x"), .element(InlineElement(.ph, [Attribute("x", "1")]))]),
        Segment([.element(InlineElement(.hi, [], [.element(InlineElement(.hi, [Attribute("type", "a&b")], [.text("deep")]))]))]),
    ]

    @Test(arguments: segments)
    func initTMXMarkup_invertsTmxMarkup(_ segment: Segment) {
        #expect(Segment(tmxMarkup: segment.tmxMarkup) == segment)
    }

    @Test(arguments: [
        ("", Segment([])),
        ("a &amp; b&#13;", Segment(text: "a & b\r")),
        ("a &apos;b&#x41;&#66;", Segment(text: "a 'bAB")),
        ("x<ph x=\"1\">&lt;br/&gt;</ph>", Segment([.text("x"), .element(InlineElement(.ph, [Attribute("x", "1")], [.text("<br/>")]))])),
        ("<hi>t<sub>s</sub></hi>", Segment([.element(InlineElement(.hi, [], [.text("t"), .element(InlineElement(.sub, [], [.text("s")]))]))])),
    ])
    func initTMXMarkup_parsesMarkup(markup: String, expected: Segment) {
        #expect(Segment(tmxMarkup: markup) == expected)
    }

    @Test(arguments: [
        "<b>bold</b>", "<ph x=\"1\">", "</ph>", "a &bogus; b", "a & b", "<ph x='1'/>", "<ph x=\"1\"></bpt>", "<ph>",
        "a</seg><seg>b",
    ])
    func initTMXMarkup_rejectsMarkupTmxMarkupNeverWrites(_ markup: String) {
        #expect(Segment(tmxMarkup: markup) == nil)
    }
}
