import Foundation
import Testing
import TesseraCore
import TesseraStorage

/// Writing units through ``TranslationStore/importBatch(_:policy:_:)``: what comes back is what
/// went in, duplicate policies, atomic batches.
struct TranslationStoreWritingTests {
    /// A unit with every stored detail: inline codes (nested), attributes, props and notes at
    /// both levels, dates, characters that need escaping, an origin.
    static func richUnit(_ index: Int, origin: Origin) -> TranslationUnit {
        let codes = Segment([
            .text("Press \(index) <Enter> & \"go\"\r\n\t "),
            .element(InlineElement(.bpt, [Attribute("i", "1"), Attribute("type", "bold")], [.text("<b>")])),
            .text("now"),
            .element(InlineElement(.ept, [Attribute("i", "1")], [.text("</b>")])),
            .element(InlineElement(.ph, [Attribute("x", "2")], [
                .text("<img alt=\""), .element(InlineElement(.sub, [Attribute("datatype", "html")], [.text("Logo")])), .text("\">"),
            ])),
            .element(InlineElement(.hi, [Attribute("type", "term")], [.text("İstanbul")])),
        ])
        return TranslationUnit(
            tuid: "rich-\(index)", sourceLanguage: tag("en-US"),
            attributes: [Attribute("creationdate", "20250101T120000Z"), Attribute("changedate", "20250302T101500Z"), Attribute("x-vendor", "a\"b\\c")],
            props: [Prop(type: "x-domain", value: "UI"), Prop(type: "x-ctx", value: "menu", language: tag("en"), encoding: "Base64")],
            notes: [Note(value: "Checked\nby QA", language: tag("en-GB"))],
            variants: [
                Variant(language: tag("en-US"), segment: codes, attributes: [Attribute("changeid", "ann")],
                        props: [Prop(type: "x-origin", value: "mt")], notes: [Note(value: "source note")]),
                Variant(language: tag("tr-TR"), segment: Segment(text: "Şimdi \(index) İSTANBUL  ıı"), notes: [Note(value: "tr", encoding: "utf-8")]),
                Variant(language: tag("ja"), segment: Segment(text: "東京で\(index)回")),
            ],
            origin: origin)
    }

    @Test(arguments: Backend.all)
    func write_readsBackEveryDetailUnchanged(backend: Backend) throws {
        let store = try backend.makeMemory()
        let units = (0..<5).map { Self.richUnit($0, origin: $0.isMultiple(of: 2) ? .imported : .aligned) }
        let report = try store.write(units: units, batch: batch(), policy: .add)
        #expect(report.added == 5 && report.received == 5 && report.replaced == 0)
        let stored = try store.allUnits()
        #expect(stored.map(\.unit) == units)
        #expect(stored.map(\.sourceLanguage) == Array(repeating: tag("en-US"), count: 5))
        #expect(Set(stored.map(\.batchID)) == [report.batchID])
        #expect(stored.map(\.id) == stored.map(\.id).sorted())
        #expect(Set(stored.map(\.id)).count == 5)
    }

    @Test(arguments: Backend.all)
    func write_skipsAUnitWithoutVariants(backend: Backend) throws {
        let store = try backend.makeMemory()
        let report = try store.write(units: [unit([]), unit([("en", "a"), ("de", "b")])], batch: batch(), policy: .keepNewest)
        #expect(report.skippedEmpty == 1 && report.added == 1)
        #expect(try store.allUnits().count == 1)
    }

    /// The same two files under each policy: the stored texts and the counts say what it did.
    @Test(arguments: Backend.all, [
        (DuplicatePolicy.add, ["alt", "alt2", "neu", "neu2"], (added: 2, replaced: 0, skipped: 0)),
        (.overwrite, ["neu", "neu2"], (added: 0, replaced: 2, skipped: 0)),
        (.keepExisting, ["alt", "alt2"], (added: 0, replaced: 0, skipped: 2)),
        (.keepNewest, ["neu", "alt2"], (added: 0, replaced: 1, skipped: 1)),
    ] as [(DuplicatePolicy, [String], (added: Int, replaced: Int, skipped: Int))])
    func importBatch_appliesTheDuplicatePolicy(
        backend: Backend, example: (policy: DuplicatePolicy, expected: [String], counts: (added: Int, replaced: Int, skipped: Int))
    ) throws {
        let (policy, expected, counts) = example
        let store = try backend.makeMemory()
        try store.write(units: [
            unit([("en", "Save"), ("de", "alt")], tuid: "1", changed: "20240101T000000Z"),
            unit([("en", "Open"), ("de", "alt2")], tuid: "2", changed: "20240101T000000Z"),
        ], batch: batch("a.tmx"), policy: .add)
        // Unit 1 is newer, unit 2 older than what is stored.
        let report = try store.write(units: [
            unit([("en", "Save"), ("de", "neu")], tuid: "1", changed: "20250101T000000Z"),
            unit([("en", "Open"), ("de", "neu2")], tuid: "2", changed: "20230101T000000Z"),
        ], batch: batch("b.tmx"), policy: policy)
        #expect(report.added == counts.added && report.replaced == counts.replaced && report.skippedDuplicates == counts.skipped)
        let stored = try store.allUnits()
        let texts = stored.flatMap { $0.unit.variants.filter { $0.language == tag("de") }.map(\.segment.plainText) }
        // A replaced unit keeps its place (its id); an added one comes after.
        #expect(policy == .add ? texts.sorted() == expected : texts == expected)
        #expect(try store.stats().units == expected.count)
    }

    /// Units without a tuid are duplicates when their (language, text) pairs are the same, in any
    /// order; units with different tuids never are.
    @Test(arguments: Backend.all)
    func importBatch_findsDuplicatesByContentOrTuid(backend: Backend) throws {
        let store = try backend.makeMemory()
        try store.write(units: [unit([("en", "a"), ("de", "b")]), unit([("en", "a"), ("de", "b")], tuid: "x")], batch: batch(), policy: .add)
        let report = try store.write(units: [
            unit([("de", "b"), ("en", "a")]),  // same pairs, other order: a duplicate
            unit([("en", "a"), ("de", "b")], tuid: "y"),  // another tuid: new
            unit([("en", "a"), ("de", "b")], tuid: "x"),  // same tuid: a duplicate
        ], batch: batch(), policy: .keepExisting)
        #expect(report.added == 1 && report.skippedDuplicates == 2)
    }

    /// A batch whose body throws leaves the store exactly as it was: units, counts, batches.
    @Test(arguments: Backend.all, DuplicatePolicy.allCases)
    func importBatch_thatThrowsLeavesTheStoreAsItWas(backend: Backend, policy: DuplicatePolicy) throws {
        let store = try backend.makeMemory()
        try store.write(units: [unit([("en", "keep"), ("fr", "garder")], tuid: "1")], batch: batch("first.tmx"), policy: .add)
        let unitsBefore = try store.allUnits()
        let statsBefore = try store.stats()
        #expect(throws: Interrupted.self) {
            try store.importBatch(batch("second.tmx"), policy: policy) { writer in
                try writer.add(unit([("en", "keep"), ("fr", "remplacé")], tuid: "1", changed: "20300101T000000Z"))
                try writer.add(unit([("en", "new"), ("de", "neu")]))
                #expect(writer.report.received == 2)
                throw Interrupted()
            }
        }
        #expect(try store.allUnits() == unitsBefore)
        #expect(try store.stats() == statsBefore)
        #expect(try store.sourceLanguageCounts().map(\.units) == [1])
    }

    /// Prepared units (made on another thread) are written as the units themselves.
    @Test(arguments: Backend.all)
    func importBatch_writesPreparedUnitsAsTheUnits(backend: Backend) throws {
        let store = try backend.makeMemory()
        let units = (0..<3).map { Self.richUnit($0, origin: .imported) }
        let prepared = units.map { PreparedUnit($0) }
        try store.importBatch(batch(), policy: .keepNewest) { writer in
            for unit in prepared { try writer.add(unit) }
        }
        #expect(try store.allUnits().map(\.unit) == units)
    }
}
