import Foundation
import Testing
import TesseraAlignment
import TesseraCore
import TesseraStorage
@testable import TesseraKit

struct AlignStoreTests {
    static func database() throws -> DatabaseLocation {
        DatabaseLocation(option: try ImportExportSupport.temporaryFolder().appendingPathComponent("tm.db").path)
    }

    @Test func store_keepsEveryTwoSidedBeadOnce() throws {
        let articles = try AlignSupport.articles(["de"])
        let beads = articles[0].report.beads
        let units = AlignUnits.units(from: articles)
        #expect(units.count == beads.filter { !$0.shape.isInsertionOrDeletion }.count)
        let database = try Self.database()
        let first = try AlignStore(database: database).store(units, sourcePath: "article.en.txt")
        #expect(first.added == units.count)
        // The same alignment again adds nothing (default duplicate policy).
        let second = try AlignStore(database: database).store(units, sourcePath: "article.en.txt")
        #expect(second.added == 0)
        #expect(second.skippedDuplicates == units.count)

        let stored = try TesseraStorage.TranslationMemory.open(path: database.path).allUnits()
        #expect(stored.count == units.count)
        for (storedUnit, bead) in zip(stored, beads.filter { !$0.shape.isInsertionOrDeletion }) {
            let unit = storedUnit.unit
            #expect(unit.origin == .aligned)
            #expect(unit.variant(exactly: ImportExportSupport.tag("en"))?.segment.plainText == articles[0].sourceText(bead))
            #expect(unit.variant(exactly: ImportExportSupport.tag("de"))?.segment.plainText == articles[0].targetText(bead))
            let props = Dictionary(unit.props.map { ($0.type, $0.value) }, uniquingKeysWith: { first, _ in first })
            #expect(props[AlignUnits.sourceDocumentProp] == "article.en.txt")
            #expect(props[AlignUnits.targetDocumentProp] == "article.de.txt")
            #expect(props[AlignUnits.beadProp] == bead.shape.description)
            #expect(props[AlignUnits.confidenceProp] == String(format: "%.3f", bead.confidence))
        }
    }

    @Test func units_leaveOutBeadsUnderTheMinimumConfidence() throws {
        let articles = try AlignSupport.articles(["tr"])
        let confidences = articles[0].report.beads.filter { !$0.shape.isInsertionOrDeletion }.map(\.confidence).sorted()
        let median = confidences[confidences.count / 2]
        let units = AlignUnits.units(from: articles, minimumConfidence: median)
        #expect(units.count == confidences.filter { $0 >= median }.count)
        #expect(units.count < confidences.count || confidences.first == median)
        let summary = AlignSummary(articles: articles, minimumConfidence: median, units: units.count, store: nil)
        #expect(summary.targets[0].leftOutByConfidence == confidences.count - units.count)
    }

    @Test func units_withSeveralTargetsPivotOnTheSourceSentences() throws {
        let languages = ["de", "fr", "tr"]
        let articles = try AlignSupport.articles(languages)
        let units = AlignUnits.units(from: articles)
        // The gold has one 2-1 merge per language, at different places (en 3-4, 8-9, 5-6), and no
        // bead crossing another language's: 17 source sentences make 14 spans.
        #expect(units.count == articles[0].source.sentences.count - 3)
        for unit in units {
            #expect(unit.variants.map(\.language.description) == ["en"] + languages)
            for variant in unit.variants.dropFirst() {
                #expect(variant.props.map(\.type) == [AlignUnits.documentProp, AlignUnits.confidenceProp, AlignUnits.beadProp])
            }
        }
        // Every sentence of every side is in exactly one unit, in order.
        for (index, language) in (["en"] + languages).enumerated() {
            let texts = units.map { $0.variants[index].segment.plainText }
            let document = index == 0 ? articles[0].source : articles[index - 1].target
            #expect(texts.joined(separator: " ") == document.sentences.joined(separator: " "), "\(language)")
        }
        // The span of the English 3-4 merge holds German sentence 4 only and French sentences 3 and 4.
        let merged = articles[0].source.sentences[3] + " " + articles[0].source.sentences[4]
        let unit = try #require(units.first { $0.variants[0].segment.plainText == merged })
        #expect(unit.variants[1].segment.plainText == articles[0].target.sentences[4])
        #expect(unit.variants[2].segment.plainText == articles[1].target.sentences[3] + " " + articles[1].target.sentences[4])
        #expect(unit.variants[2].props.last?.value == "1-1+1-1")
    }

    @Test func storeAndExport_giveValidTMXWithTheProps() throws {
        let articles = try AlignSupport.articles(["de", "fr", "tr"])
        let units = AlignUnits.units(from: articles)
        let database = try Self.database()
        let report = try AlignStore(database: database).store(units, sourcePath: "article.en.txt")
        #expect(report.added == units.count)
        let folder = try ImportExportSupport.temporaryFolder()
        let exported = folder.appendingPathComponent("export.tmx").path
        _ = try ExportTMX(database: database, output: exported, format: .tmx).run()
        let direct = folder.appendingPathComponent("direct.tmx").path
        try AlignStore.writeTMX(units, to: direct, sourceLanguage: ImportExportSupport.tag("en"))
        for path in [exported, direct] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.components(separatedBy: "<tu ").count - 1 == units.count || text.components(separatedBy: "<tu>").count - 1 == units.count)
            #expect(text.contains("<prop type=\"x-tessera-bead\">2-1</prop>"))
            #expect(text.contains("<prop type=\"x-tessera-source-document\">article.en.txt</prop>"))
            if let validation = try AlignSupport.validate(path) {
                #expect(validation.status == 0, "\(validation.output)")
            }
        }
    }

    /// By default the units leave out two-sided beads under
    /// ``AlignUnits/defaultMinimumConfidence`` and the summary counts them.
    @Test func units_leaveOutLowConfidenceBeadsByDefault() throws {
        let english = ["The village lies at 1,200 metres above Lake Lucerne.", "Its church was built in 1642 by masons from Como.",
                       "It was cold.", "The wind blew.", "Nobody slept.", "The dogs barked.", "The railway reached the valley in 1910."]
        let german = ["Das Dorf liegt 1200 Meter über dem Vierwaldstättersee.", "Seine Kirche wurde 1642 von Maurern aus Como gebaut.",
                      "Es war kalt.", "Die Eisenbahn erreichte das Tal 1910."]
        let articles = AlignArticles.align(
            source: .init(text: english.joined(separator: "\n"), language: LanguageTag("en"), name: "en.txt"),
            targets: [.init(text: german.joined(separator: "\n"), language: LanguageTag("de"), name: "de.txt")],
            inputIsSentences: true)
        let twoSided = articles[0].report.beads.filter { !$0.shape.isInsertionOrDeletion }
        let low = twoSided.filter { $0.confidence < AlignUnits.defaultMinimumConfidence }
        #expect(low.map(\.shape.description) == ["4-1"])
        let units = AlignUnits.units(from: articles)
        #expect(units.count == twoSided.count - low.count)
        #expect(!units.contains { $0.variants[0].segment.plainText.contains("Nobody slept.") })
        let summary = AlignSummary(articles: articles, minimumConfidence: AlignUnits.defaultMinimumConfidence,
                                   units: units.count, store: nil)
        #expect(summary.leftOutByConfidence == low.count)
        #expect(summary.targets[0].leftOutByConfidence == low.count)
        #expect(summary.text.contains("\(Plural.count(low.count, "bead")) left out under confidence 0.35"))
        #expect(AlignUnits.units(from: articles, minimumConfidence: 0).count == twoSided.count)
    }
}
