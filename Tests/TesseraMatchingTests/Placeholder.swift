import Testing
@testable import TesseraMatching

struct TesseraMatchingPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
