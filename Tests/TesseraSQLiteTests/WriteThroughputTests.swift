import Foundation
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// Write speed, run on demand: `TESSERA_BENCH=200000 swift test -c release --filter WriteThroughputTests`.
struct WriteThroughputTests {
    static let count = Int(ProcessInfo.processInfo.environment["TESSERA_BENCH"] ?? "") ?? 0

    @Test(.enabled(if: count > 0, "set TESSERA_BENCH=<units> to measure write speed"), arguments: [DuplicatePolicy.add, .keepNewest])
    func write_bilingualUnitsPerSecond(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        var generator = SystemRandomNumberGenerator()
        let words = ["the", "memory", "file", "press", "enter", "to", "continue", "window", "open", "save", "print", "user"]
        func sentence(_ index: Int) -> String {
            (0..<8).map { _ in words.randomElement(using: &generator) ?? "x" }.joined(separator: " ") + " \(index)."
        }
        let start = Date()
        let report = try tm.importBatch(ImportBatch(kind: .tmx, filePath: "bench.tmx"), policy: policy) { sink in
            for index in 0..<Self.count {
                try sink.add(TranslationUnit(
                    tuid: String(index), attributes: [Attribute("creationdate", "20240101T000000Z")],
                    variants: [
                        Variant(language: tag("en-US"), segment: Segment(text: sentence(index))),
                        Variant(language: tag("de-DE"), segment: Segment(text: sentence(index))),
                    ]))
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("write \(policy): \(report.added) units in \(String(format: "%.2f", seconds)) s = \(Int(Double(report.added) / seconds)) units/s")
        #expect(report.added == Self.count)
    }
}
