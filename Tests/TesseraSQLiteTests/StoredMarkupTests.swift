import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

struct StoredMarkupTests {
    static let segments: [Segment] = [
        Segment(text: ""),
        Segment(text: "plain & <simple> \"text\"\r\n"),
        richUnit(7).variants[0].segment,
        Segment([.element(InlineElement(.ut, [], [.text("{\\b}")])), .text("x"), .element(InlineElement(.ph, [Attribute("x", "1")]))]),
        Segment([.element(InlineElement(.hi, [], [.element(InlineElement(.hi, [Attribute("type", "a&b")], [.text("deep")]))]))]),
    ]

    @Test(arguments: segments)
    func segment_invertsTmxMarkup(_ segment: Segment) {
        #expect(StoredMarkup.segment(segment.tmxMarkup) == segment)
    }

    @Test(arguments: ["<b>bold</b>", "<ph x=\"1\">", "</ph>", "a &bogus; b", "a & b", "<ph x='1'/>", "<ph x=\"1\"></bpt>"])
    func segment_rejectsMarkupTmxMarkupNeverWrites(_ markup: String) {
        #expect(StoredMarkup.segment(markup) == nil)
    }
}
