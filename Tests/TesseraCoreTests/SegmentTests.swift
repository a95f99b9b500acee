import Testing
@testable import TesseraCore

struct SegmentTests {
    @Test func plainText_dropsNativeCodeKeepsHighlightedText() {
        let segment = Segment([
            .text("Click "),
            .element(InlineElement(.bpt, [Attribute("i", "1")], [.text("<b>")])),
            .text("here"),
            .element(InlineElement(.ept, [Attribute("i", "1")], [.text("</b>")])),
            .text(" or "),
            .element(InlineElement(.hi, [Attribute("type", "term")], [.text("there")])),
        ])
        #expect(segment.plainText == "Click here or there")
        #expect(segment.codeCount == 3)
        #expect(segment.tmxMarkup == #"Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> or <hi type="term">there</hi>"#)
    }

    @Test func tmxMarkup_escapesCarriageReturnAndAttributeWhitespace() {
        let segment = Segment([.text("a\r\nb & c"), .element(InlineElement(.ph, [Attribute("x", "a\"b\tc")]))])
        #expect(segment.tmxMarkup == "a&#13;\nb &amp; c<ph x=\"a&quot;b&#9;c\"/>")
    }

    @Test func init_mergesAdjacentText() {
        #expect(Segment([.text("a"), .text(""), .text("b")]).nodes == [.text("ab")])
    }

    @Test(arguments: [
        ("20250624T101500Z", "20250624T101500Z"), ("2025-06-24T10:15:00Z", "20250624T101500Z"),
        ("20250624T101500", "20250624T101500Z"), ("20250624", "20250624T000000Z"),
    ])
    func tmxDate_parsesBasicAndExtendedForms(input: String, expected: String) {
        #expect(TMXDate(input)?.description == expected)
    }

    @Test(arguments: ["", "yesterday", "20251324T000000Z", "2025062"])
    func tmxDate_rejectsGarbage(input: String) {
        #expect(TMXDate(input) == nil)
    }
}
