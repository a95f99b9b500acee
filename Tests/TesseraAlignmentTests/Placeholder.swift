import Testing
@testable import TesseraAlignment

struct TesseraAlignmentPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
