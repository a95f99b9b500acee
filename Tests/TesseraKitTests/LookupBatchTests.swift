import Foundation
import Testing
import TesseraSQLite
import TesseraStorage
import TesseraCore
import TesseraStorage
@testable import TesseraKit

/// Batch lookup as a Kit API: a batch of queries in (``QueryFile``), one result per query out, one
/// open memory and index for the whole batch.
struct LookupBatchTests {
    static let en = LanguageTag("en")!

    static func database() throws -> StoreLocation {
        let location = StoreLocation(option: try ImportExportSupport.temporaryFolder().appendingPathComponent("tm.db").path)
        let memory = try SQLiteTranslationStore.open(path: location.description)
        try memory.write(
            units: [
                ImportExportSupport.unit([("en", "Open the file"), ("de", "Datei öffnen")]),
                ImportExportSupport.unit([("en", "Save the document now"), ("de", "Dokument jetzt speichern")]),
            ], batch: ImportBatch(kind: .tmx, filePath: "test.tmx"), policy: .add)
        return location
    }

    static func write(_ bytes: [UInt8]) throws -> String {
        let path = try ImportExportSupport.temporaryFolder().appendingPathComponent("queries.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func runBatch_answersEveryLineInOrder_blankLinesKeepTheirNumber() throws {
        let lookup = try Lookup(database: try Self.database())
        let queries = try QueryFile(path: try Self.write(Array("Open the file\n\nSave the document today\nnothing like it\n".utf8))).queries
        var timed: [Int] = []
        let results = try lookup.run(batch: queries, options: LookupOptions(source: Self.en, targets: nil, minimum: 50)) { line, ms in
            timed.append(line)
            #expect(ms >= 0)
        }
        #expect(results.map(\.line) == [1, 2, 3, 4])
        #expect(timed == [1, 2, 3, 4])
        #expect(results.map(\.query) == ["Open the file", "", "Save the document today", "nothing like it"])
        #expect(results[0].matches.first?.score == 100)
        #expect(results[0].matches.first?.target == "Datei öffnen")
        #expect(results[1].matches.isEmpty)
        #expect(results[2].matches.first?.target == "Dokument jetzt speichern")
        #expect(results[3].matches.isEmpty)
        // The batch answers each query as a single lookup does.
        for result in results where !result.query.isEmpty {
            #expect(try lookup.run(result.query, options: LookupOptions(source: Self.en, targets: nil, minimum: 50)) == result.matches)
        }
    }

    @Test(arguments: [
        ([UInt8](), [Int]()),
        (Array("a\r\nb\rc".utf8), [1, 2, 3]),
        ([0xEF, 0xBB, 0xBF] + Array("a\n\n".utf8), [1, 2]),
        ([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x62, 0x00], [1, 2]),
    ])
    func queryFile_numbersEveryLine(bytes: [UInt8], lines: [Int]) throws {
        #expect(try QueryFile(path: try Self.write(bytes)).queries.map(\.line) == lines)
    }

    @Test func queryFile_refusesAFileThatIsNotText() throws {
        let path = try Self.write([0x61, 0x0A, 0x62, 0xC3, 0x28])
        #expect { try QueryFile(path: path) } throws: { "\($0)".hasPrefix(path + ":2:") }
    }

    @Test func queryFile_inMemoryTextsAreNumberedFromOne() {
        #expect(QueryFile(texts: ["a", "", "b"]).queries == [
            .init(line: 1, text: "a"), .init(line: 2, text: ""), .init(line: 3, text: "b"),
        ])
    }
}
