import Foundation
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

struct RecentPairsTests {
    /// The best variant of each language per unit, like TranslationUnit.bestVariant(for:), for
    /// the newest units only.
    @Test func recentPairs_takesTheNewestUnitsAndTheirBestVariants() throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        var units = (0..<30).map { pair("source \($0)", "cible \($0)", from: "en", to: "fr") }
        // A unit with two French variants (fr-CA first, then fr): fr is the exact tag.
        units.append(TranslationUnit(variants: [
            Variant(language: tag("en-GB"), segment: Segment(text: "colour")),
            Variant(language: tag("fr-CA"), segment: Segment(text: "couleur CA")),
            Variant(language: tag("fr"), segment: Segment(text: "couleur")),
        ]))
        // Units without French, and one in German only.
        units.append(pair("no French", "kein Französisch", from: "en", to: "de"))
        units.append(TranslationUnit(variants: [Variant(language: tag("de"), segment: Segment(text: "nur Deutsch"))]))
        try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "t.tmx"), policy: .add)

        let newest = try tm.recentPairs(source: tag("en"), target: tag("fr"), limit: 5)
        #expect(newest.map(\.source) == ["source 26", "source 27", "source 28", "source 29", "colour"])
        #expect(newest.last?.target == "couleur")
        let all = try tm.recentPairs(source: tag("en"), target: tag("fr"), limit: 1000)
        #expect(all.count == 31 && all.first?.source == "source 0")
        // The same as the pairs made from whole stored units.
        var expected: [(String, String)] = []
        try tm.forEachUnit { stored in
            guard let s = stored.unit.bestVariant(for: tag("en")), let t = stored.unit.bestVariant(for: tag("fr")),
                  s.language != t.language else { return }
            expected.append((s.segment.plainText, t.segment.plainText))
        }
        #expect(all.map { "\($0.source)|\($0.target)" } == expected.map { "\($0.0)|\($0.1)" })
        #expect(try tm.recentPairs(source: tag("en"), target: tag("fr"), limit: 0).isEmpty)
    }
}
