import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// A unit prepared on the reading thread (source language, duplicate key, attributes JSON worked
/// out there) is stored exactly as the sink would store the plain unit, whatever header it was
/// prepared for.
struct PreparedUnitTests {
    /// A unit without `srclang` whose first variant is German: its source language comes from the
    /// batch header.
    static func unit(tuid: String?) -> TranslationUnit {
        TranslationUnit(
            tuid: tuid, attributes: [Attribute("x-kind", "ui")],
            variants: [
                Variant(language: tag("de-DE"), segment: Segment(text: "Datei öffnen"), attributes: [Attribute("changeid", "a")]),
                Variant(language: tag("en-US"), segment: Segment(text: "Open file")),
            ])
    }

    /// The stored units and variants, without the batch's time stamps.
    static func rows(_ tm: SQLiteTranslationStore) throws -> [String] {
        try tm.read { db in
            try String.fetchAll(db, sql: """
                SELECT IFNULL(tuid, '-') || '|' || sourceLang || '|' || IFNULL(attributes, '-') || '|' || duplicateKey FROM unit
                UNION ALL
                SELECT lang || '|' || markup || '|' || IFNULL(attributes, '-') FROM variant
                """)
        }
    }

    @Test(arguments: [nil, "de", "en", "fr"] as [String?], [nil, "t1"] as [String?])
    func preparedForAnyHeader_isStoredAsTheSinkResolvesIt(preparedFor: String?, tuid: String?) throws {
        let header = TMXHeader(attributes: [Attribute("srclang", "en")])
        let batch = ImportBatch(kind: .tmx, filePath: "a.tmx", header: header)

        let expectedTM = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let expected = try expectedTM.importBatch(batch, policy: .keepExisting) { sink in
            try sink.add(Self.unit(tuid: tuid))
            try sink.add(Self.unit(tuid: tuid))
        }

        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let written = try tm.importBatch(batch, policy: .keepExisting) { sink in
            let prepared = PreparedUnit(Self.unit(tuid: tuid), analysingWith: nil, headerSource: preparedFor.map(tag))
            try sink.add(prepared)
            try sink.add(prepared)
        }
        #expect(try Self.rows(tm).contains { $0.hasPrefix("\(tuid ?? "-")|en-US|") })
        #expect(try Self.rows(tm) == Self.rows(expectedTM))
        #expect(written.added == 1 && written.skippedDuplicates == 1)
        #expect(written.added == expected.added && written.skippedDuplicates == expected.skippedDuplicates)
    }

    @Test func unitWithoutVariants_isCountedAsEmptyWhateverTheHeader() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let report = try tm.importBatch(ImportBatch(kind: .tmx, filePath: "a.tmx")) { sink in
            try sink.add(PreparedUnit(TranslationUnit(variants: []), analysingWith: nil, headerSource: tag("en")))
        }
        #expect(report.skippedEmpty == 1 && report.added == 0)
    }
}
