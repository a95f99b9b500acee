import Testing
@testable import TesseraText

struct TesseraTextPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
