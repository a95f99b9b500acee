import Foundation
import Testing
@testable import TesseraServer

/// The log line is written by hand (no encoder or date formatter per request): what it writes
/// must still be JSON that reads back to the same strings, and the time ISO 8601 in UTC.
struct JSONLogHandlerTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\rreturn", "bell \u{7} nul \u{0} esc \u{1B}", "/api/v1/lookup?q=a/b", "Übersetzung 翻訳 🙂", ""])
    func quoted_readsBackAsTheSameString(value: String) throws {
        var line = "{"
        JSONLogHandler.appendQuoted("field", to: &line)
        line += ":"
        JSONLogHandler.appendQuoted(value, to: &line)
        line += "}"
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["field": value])
    }

    @Test(arguments: [(0, "1970-01-01T00:00:00Z"), (1_796_315_388, "2026-12-03T16:29:48Z"), (951_782_400, "2000-02-29T00:00:00Z")])
    func timestamp_isISO8601InUTC(seconds: Int, expected: String) {
        #expect(JSONLogHandler.timestamp(time_t(seconds)) == expected)
    }
}
