import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

struct NormalizedKeyTests {
    @Test(arguments: [
        ("  Hello\tWORLD \n", "en", "hello world"),
        ("İSTANBUL Irmak", "tr", "istanbul ırmak"),
        ("ISTANBUL", "en", "istanbul"),
        ("ISTANBUL Irmak", "tr", "ıstanbul ırmak"),
        ("Plain  ASCII\r\n text", "tr", "plain ascıı text"),
        ("Ünïcode\u{3000}Space", "de", "ünïcode space"),
        ("", "fr", ""),
    ])
    func normalizedKey_lowercasesAndCollapsesWhitespace(_ text: String, _ language: String, _ expected: String) {
        #expect(SQLiteTranslationStore.normalizedKey(text, language: tag(language)) == expected)
    }

    @Test func attributesJSON_roundTripsAndStoresNullWhenEmpty() throws {
        #expect(AttributesJSON.encode([]) == nil)
        let attributes = [Attribute("a", "x\"y\\z\n\u{1}"), Attribute("b", "日本")]
        #expect(try AttributesJSON.decode(AttributesJSON.encode(attributes)) == attributes)
        #expect(throws: StorageError.self) { try AttributesJSON.decode("{not json") }
    }

    @Test func storageError_printsOneLine() {
        let error = StorageError(.sqlite, "UNIQUE constraint failed.", sql: "INSERT INTO unit\nVALUES (?)")
        #expect(error.description == "storage error (sqlite): UNIQUE constraint failed. [SQL: INSERT INTO unit VALUES (?)]")
    }
}
