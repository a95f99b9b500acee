import Testing
import TesseraCore
@testable import TesseraStorage

struct ChangeDateTests {
    @Test(arguments: [
        "20250624T101500Z", "19991231T235959Z", "20250624", "2025-06-24T10:15:00Z", "20251324T101500Z",
        "20250600T101500Z", "2025062410150Z", "x0250624T101500Z", "20250624T101500", "",
    ])
    func packed_agreesWithTMXDate(_ text: String) {
        let unit = TranslationUnit(attributes: [Attribute("changedate", text)])
        #expect(ChangeDate.packed(unit) == TMXDate(text)?.packed)
    }

    @Test func packed_fallsBackToCreationDate() {
        let unit = TranslationUnit(attributes: [Attribute("creationdate", "20200101T000000Z")])
        #expect(ChangeDate.packed(unit) == 20200101000000)
        #expect(ChangeDate.packed(TranslationUnit()) == nil)
    }
}
