import Testing
@testable import TesseraTMX

struct TesseraTMXPlaceholderTests {
    @Test func module_builds() { #expect(Bool(true)) }
}
