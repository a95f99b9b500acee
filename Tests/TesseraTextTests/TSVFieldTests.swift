import Testing
import TesseraText

struct TSVFieldTests {
    @Test(arguments: [
        ("a\tb", "a\\tb"), ("back\\slash", "back\\\\slash"), ("line\nfeed\r", "line\\nfeed\\r"), ("plain", "plain"),
        ("", ""), ("\\t", "\\\\t"),
    ])
    func escape_thenUnescape_roundTrips(_ text: String, _ escaped: String) {
        #expect(TSVField.escape(text) == escaped)
        #expect(TSVField.unescape(escaped) == text)
    }

    @Test(arguments: [("C:\\x", "C:\\x"), ("end\\", "end\\"), ("\\\\n", "\\n")])
    func unescape_keepsUnknownEscapes(_ text: String, _ expected: String) {
        #expect(TSVField.unescape(text) == expected)
    }

    @Test func line_andFields_roundTripAFieldWithTabsAndNewlines() {
        let fields = ["a\tb", "", "c\nd\\"]
        let line = TSVField.line(fields)
        #expect(line == "a\\tb\t\tc\\nd\\\\\n")
        #expect(TSVField.fields(of: line.dropLast()) == fields)
    }
}
