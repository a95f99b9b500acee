import Foundation
import Testing
@testable import TesseraServer

/// The request log's duration is written without `String(format:)` (once per request), and reads
/// as that did.
struct RequestLogMiddlewareTests {
    @Test(arguments: [0, 0.004, 0.01, 0.1, 1.5, 12.345678, 32.7, 999.999, 1234.5, 86_400_000.25])
    func twoDecimals_isWhatPrintfWrote(milliseconds: Double) {
        #expect(RequestLogMiddleware.twoDecimals(milliseconds) == String(format: "%.2f", milliseconds))
    }

    @Test(arguments: [("abc-123_X.y", true), ("", false), ("a b", false), ("ü", false), (String(repeating: "a", count: 65), false)])
    func acceptable_takesShortPlainIDs(id: String, expected: Bool) {
        #expect(RequestLogMiddleware.acceptable(id) == expected)
    }
}
