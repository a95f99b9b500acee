import Testing
@testable import TesseraGlossary

struct TesseraGlossaryPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
