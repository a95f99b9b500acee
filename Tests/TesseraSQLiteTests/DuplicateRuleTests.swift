import Foundation
import GRDB
import Testing
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// The duplicate rule (Docs/STORAGE.md, "Duplicates and policies") under every policy: a unit with
/// a tuid duplicates only a unit with the same tuid, source language and source text; a unit
/// without a tuid duplicates only a unit without a tuid with the same variants.
struct DuplicateRuleTests {
    /// A software-localisation unit: one string under a key, with the key's context as a prop.
    static func keyed(_ tuid: String?, _ source: String, _ target: String, context: String, changed: String? = nil) -> TranslationUnit {
        var unit = pair(source, target, tuid: tuid, changed: changed)
        unit.props = [Prop(type: "x-context", value: context)]
        return unit
    }

    /// The stored units as `tuid|source|target|context`, in id order.
    static func stored(_ tm: SQLiteTranslationStore) throws -> [String] {
        try tm.allUnits().map { stored in
            let unit = stored.unit
            return [unit.tuid ?? "-", unit.variants[0].segment.plainText, unit.variants[1].segment.plainText,
                    unit.props.first?.value ?? "-"].joined(separator: "|")
        }
    }

    /// "New" as a menu item and as a button: equal texts, different tuids, in one file (a batch into
    /// an empty memory) and in a second file (a batch into a non-empty memory).
    @Test(arguments: DuplicatePolicy.allCases)
    func equalTextsWithDifferentTuids_areDifferentUnits(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let first = try tm.write(units: [
            Self.keyed("menu.file.new", "New", "Nouveau", context: "menu"),
            Self.keyed("toolbar.new", "New", "Nouveau", context: "button"),
        ], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        #expect(first.added == 2)
        let second = try tm.write(units: [
            Self.keyed("dialog.new", "New", "Nouveau", context: "dialog"),
            Self.keyed(nil, "New", "Nouveau", context: "no key"),
        ], batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        #expect(second.added == 2)
        #expect(try Self.stored(tm) == [
            "menu.file.new|New|Nouveau|menu", "toolbar.new|New|Nouveau|button",
            "dialog.new|New|Nouveau|dialog", "-|New|Nouveau|no key",
        ])
    }

    static let sameTuidCases: [(DuplicatePolicy, [String])] = [
        (.add, ["k|New|Nouveau|old", "k|New|Nouvel|new"]),
        (.overwrite, ["k|New|Nouvel|new"]),
        (.keepExisting, ["k|New|Nouveau|old"]),
        (.keepNewest, ["k|New|Nouvel|new"]),
    ]

    /// The same tuid, source language and source text is one entry whose translation the policy
    /// decides, in the same file and in a later one.
    @Test(arguments: sameTuidCases)
    func sameTuidAndSource_isOneEntryDecidedByThePolicy(_ policy: DuplicatePolicy, _ expected: [String]) throws {
        for split in [false, true] {
            let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
            let old = Self.keyed("k", "New", "Nouveau", context: "old", changed: "20200101T000000Z")
            let new = Self.keyed("k", "New", "Nouvel", context: "new", changed: "20240101T000000Z")
            if split {
                try tm.write(units: [old], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
                try tm.write(units: [new], batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
            } else {
                try tm.write(units: [old, new], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
            }
            #expect(try Self.stored(tm) == expected, "split: \(split)")
        }
    }

    /// The same tuid with another source text or another source language is another unit (tuids
    /// are often line numbers that restart in every file: they name an entry only together with
    /// its source).
    @Test(arguments: DuplicatePolicy.allCases)
    func sameTuidWithOtherSource_isAnotherUnit(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        try tm.write(units: [Self.keyed("1", "Open", "Ouvrir", context: "a")], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        try tm.write(units: [
            Self.keyed("1", "Close", "Fermer", context: "b"),
            Self.keyed("1", "Open", "Öffnen", context: "c"),
        ], batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        var german = pair("Öffnen", "Ouvrir", from: "de-DE", tuid: "1")
        german.props = [Prop(type: "x-context", value: "d")]
        try tm.write(units: [german], batch: ImportBatch(kind: .tmx, filePath: "c.tmx"), policy: policy)
        let stored = try Self.stored(tm)
        // "1|Open|Öffnen" shares tuid and source with the first unit: one entry unless `add`.
        #expect(stored.count == (policy == .add ? 4 : 3))
        #expect(stored.contains("1|Close|Fermer|b"))
        #expect(stored.contains("1|Öffnen|Ouvrir|d"))
    }

    /// Units without a tuid keep the rule by texts: the same variants are one unit.
    @Test(arguments: DuplicatePolicy.allCases)
    func withoutTuid_equalVariantsAreDuplicates(_ policy: DuplicatePolicy) throws {
        let tm = try SQLiteTranslationStore.open(path: try temporaryDatabasePath())
        let units = [Self.keyed(nil, "Save", "Enregistrer", context: "x"), Self.keyed("", "Save", "Enregistrer", context: "y")]
        try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: policy)
        try tm.write(units: [Self.keyed(nil, "Save", "Sauver", context: "z")], batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        #expect(try tm.stats().units == (policy == .add ? 3 : 2))
    }

    /// A memory written before the tuid was part of the duplicate key gets the new keys on open:
    /// its units are found again by the rule.
    @Test func open_migratesTheDuplicateKeysOfAnOlderMemory() throws {
        let plain = [VariantPair(language: "en-US", markup: "Save"), VariantPair(language: "fr-FR", markup: "Enregistrer")]
        let path = try olderMemory("""
            INSERT INTO importBatch (kind, filePath, fileName, startedAt) VALUES ('tmx', 'old.tmx', 'old.tmx', 'x');
            INSERT INTO unit (tuid, sourceLang, origin, batchId, contentHash) VALUES ('k', 'en-US', 'imported', 1, 7);
            INSERT INTO unit (tuid, sourceLang, origin, batchId, contentHash) VALUES (NULL, 'en-US', 'imported', 1, ?);
            INSERT INTO variant (unitId, lang, base, markup, plain, key, codes, position) VALUES
                (1, 'en-US', 'en', 'New', 'New', 'new', 0, 0), (1, 'fr-FR', 'fr', 'Nouveau', 'Nouveau', 'nouveau', 0, 1),
                (2, 'en-US', 'en', 'Save', 'Save', 'save', 0, 0), (2, 'fr-FR', 'fr', 'Enregistrer', 'Enregistrer', 'enregistrer', 0, 1);
            """, arguments: [ContentHash.of(plain)])
        let tm = try SQLiteTranslationStore.open(path: path)
        let report = try tm.write(
            units: [pair("New", "Nouvel", tuid: "k"), pair("Save", "Enregistrer"), pair("New", "Nouvel", tuid: "other")],
            batch: ImportBatch(kind: .tmx, filePath: "new.tmx"), policy: .keepExisting)
        #expect(report.skippedDuplicates == 2)
        #expect(report.added == 1)
    }
}
