import Foundation
import Testing
import TesseraCore
import TesseraStorage

/// Reading a store: pages, filters, the kept counts, header languages and recent pairs.
struct TranslationStoreReadingTests {
    /// Ten units: en->de (4), en->fr (3, one en-GB), de->en with srclang (2), ja->en (1).
    static func filled(_ backend: Backend) throws -> any TranslationStore {
        let store = try backend.makeMemory()
        var units: [TranslationUnit] = []
        for index in 0..<4 { units.append(unit([("en-US", "one \(index)"), ("de-DE", "eins \(index)")])) }
        for index in 0..<2 { units.append(unit([("en", "two \(index)"), ("fr", "deux \(index)")])) }
        units.append(unit([("en-GB", "colour"), ("fr-CA", "couleur")]))
        for index in 0..<2 { units.append(unit([("en", "three \(index)"), ("de", "drei \(index)")], source: "de")) }
        units.append(unit([("ja", "東京"), ("en", "Tokyo")]))
        try store.write(units: units, batch: batch("mixed.tmx"), policy: .keepNewest)
        return store
    }

    /// Every page size reads every unit once, in id order.
    @Test(arguments: Backend.all, [1, 3, 10, 11, 1000])
    func forEachUnit_readsEveryUnitOnceInIDOrder(backend: Backend, pageSize: Int) throws {
        let store = try Self.filled(backend)
        var ids: [Int64] = []
        try store.forEachUnit(matching: .all, pageSize: pageSize) { ids.append($0.id) }
        #expect(ids.count == 10)
        #expect(ids == ids.sorted() && Set(ids).count == 10)
        #expect(try store.allUnits().map(\.id) == ids)
    }

    @Test(arguments: Backend.all)
    func unitPage_startsAfterTheGivenID(backend: Backend) throws {
        let store = try Self.filled(backend)
        let all = try store.allUnits()
        let page = try store.unitPage(after: all[2].id, filter: .all, limit: 3)
        #expect(page.map(\.id) == all[3..<6].map(\.id))
        #expect(try store.unitPage(after: all[9].id, filter: .all, limit: 3).isEmpty)
    }

    /// Filters match by primary language: `en-US` finds `en` and `en-GB`; a wildcard asks nothing.
    @Test(arguments: Backend.all, [
        (UnitFilter.all, 10),
        (UnitFilter(source: tag("en-US")), 10),
        (UnitFilter(source: tag("en"), targets: [tag("fr-FR")]), 3),
        (UnitFilter(source: tag("de"), targets: [tag("en")]), 6),
        (UnitFilter(source: tag("en"), targets: [tag("fr"), tag("ja")]), 4),
        (UnitFilter(source: tag("ja")), 1),
        (UnitFilter(source: tag("*all*"), targets: [tag("de")]), 6),
        (UnitFilter(source: tag("ko")), 0),
    ] as [(UnitFilter, Int)])
    func forEachUnit_filtersByPrimaryLanguage(backend: Backend, example: (filter: UnitFilter, expected: Int)) throws {
        let (filter, expected) = example
        let store = try Self.filled(backend)
        let units = try store.allUnits(matching: filter)
        #expect(units.count == expected)
        if let source = filter.source, !source.isWildcard {
            #expect(units.allSatisfy { $0.unit.variants.contains { $0.language.language == source.language } })
        }
    }

    @Test(arguments: Backend.all)
    func stats_countUnitsVariantsLanguagesPairsAndBatches(backend: Backend) throws {
        let store = try Self.filled(backend)
        try store.write(units: [unit([("en", "late"), ("de", "spät"), ("fr", "tard")])], batch: batch("second.tmx"), policy: .add)
        let stats = try store.stats()
        #expect(stats.units == 11)
        #expect(stats.variants == 23)
        #expect(stats.languages.map(\.variants) == stats.languages.map(\.variants).sorted(by: >))
        #expect(Dictionary(uniqueKeysWithValues: stats.languages.map { ($0.language, $0.variants) }) == [
            "en-US": 4, "de-DE": 4, "en": 6, "fr": 3, "en-GB": 1, "fr-CA": 1, "de": 3, "ja": 1,
        ])
        let pairs = Dictionary(uniqueKeysWithValues: stats.pairs.map { ("\($0.source)>\($0.target)", $0.units) })
        #expect(pairs == ["en-US>de-DE": 4, "en>fr": 3, "en-GB>fr-CA": 1, "de>en": 2, "ja>en": 1, "en>de": 1])
        #expect(stats.pairs.map(\.units) == stats.pairs.map(\.units).sorted(by: >))
        #expect(stats.batches.map(\.filePath) == ["mixed.tmx", "second.tmx"])
        #expect(stats.batches.map(\.units) == [10, 1])
        #expect(stats.batches.allSatisfy { $0.kind == "tmx" && $0.finishedAt != nil })
    }

    @Test(arguments: Backend.all)
    func sourceLanguageCounts_areMostFrequentFirst(backend: Backend) throws {
        let store = try Self.filled(backend)
        let counts = try store.sourceLanguageCounts()
        #expect(counts.map(\.language) == ["en-US", "de", "en", "en-GB", "ja"])
        #expect(counts.map(\.units) == [4, 2, 2, 1, 1])
    }

    /// The header source languages of batches that still hold units; `*all*` kept.
    @Test(arguments: Backend.all)
    func headerSourceLanguages_areThoseOfBatchesWithUnits(backend: Backend) throws {
        let store = try backend.makeMemory()
        #expect(try store.headerSourceLanguages().isEmpty)
        try store.write(units: [unit([("en", "a"), ("de", "b")], tuid: "1")], batch: batch("a.tmx", header: TMXHeader(attributes: [Attribute("srclang", "*all*")])))
        try store.write(units: [unit([("fr", "c"), ("de", "d")])], batch: batch("b.tmx", header: TMXHeader(attributes: [Attribute("srclang", "fr")])))
        try store.write(units: [unit([("it", "e"), ("de", "f")])], batch: batch("c.tmx", header: TMXHeader()))
        #expect(try store.headerSourceLanguages() == [.all, tag("fr")])
        // Overwriting the only unit of a.tmx moves it to the new batch: a.tmx holds no unit then.
        try store.write(units: [unit([("en", "a"), ("de", "b2")], tuid: "1")], batch: batch("d.tmx"), policy: .overwrite)
        #expect(try store.headerSourceLanguages() == [tag("fr")])
    }

    /// The newest units first read, returned oldest first; the best variant of each language.
    @Test(arguments: Backend.all, [(1, ["drei 1"]), (2, ["drei 0", "drei 1"]), (10, ["eins 0", "eins 1", "eins 2", "eins 3", "drei 0", "drei 1"]), (0, [])])
    func recentPairs_areTheNewestUnitsOldestFirst(backend: Backend, example: (limit: Int, expected: [String])) throws {
        let (limit, expected) = example
        let store = try Self.filled(backend)
        let pairs = try store.recentPairs(source: tag("en"), target: tag("de"), limit: limit)
        #expect(pairs.map(\.target) == expected)
        #expect(pairs.map(\.source) == expected.map { $0.replacingOccurrences(of: "eins", with: "one").replacingOccurrences(of: "drei", with: "three") })
    }
}
