import Testing
@testable import TesseraStorage

struct TesseraStoragePlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
