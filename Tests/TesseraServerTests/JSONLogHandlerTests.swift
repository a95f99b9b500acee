import Foundation
import Testing
@testable import TesseraServer

/// The log line is written by hand (no encoder or date formatter per request; its strings by
/// ``JSONText``, see `JSONTextTests`): the time is ISO 8601 in UTC.
struct JSONLogHandlerTests {
    @Test(arguments: [(0, "1970-01-01T00:00:00Z"), (1_796_315_388, "2026-12-03T16:29:48Z"), (951_782_400, "2000-02-29T00:00:00Z")])
    func timestamp_isISO8601InUTC(seconds: Int, expected: String) {
        #expect(JSONLogHandler.timestamp(time_t(seconds)) == expected)
    }
}
