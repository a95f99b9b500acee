import Testing
import TesseraCore
@testable import TesseraStorage

struct AttributesJSONTests {
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
