import Testing
@testable import TesseraKit

struct TesseraKitPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
