import Foundation
import GRDB
import TesseraCore
@testable import TesseraSQLite
@testable import TesseraStorage

/// A fresh folder under the system temporary directory for one test's database files.
func temporaryDatabasePath(_ name: String = "tm.db") throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("tessera-storage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

/// A language tag from a literal known to be valid in tests.
func tag(_ text: String) -> LanguageTag {
    guard let tag = LanguageTag(text) else { preconditionFailure("Bad tag literal in a test: \(text)") }
    return tag
}

/// A bilingual unit with plain text.
func pair(_ source: String, _ target: String, from: String = "en-US", to: String = "fr-FR", tuid: String? = nil, changed: String? = nil) -> TranslationUnit {
    TranslationUnit(
        tuid: tuid, attributes: changed.map { [Attribute("changedate", $0)] } ?? [],
        variants: [
            Variant(language: tag(from), segment: Segment(text: source)),
            Variant(language: tag(to), segment: Segment(text: target)),
        ])
}

/// A unit using every kind of stored detail: inline codes (nested `sub`), attributes, props and
/// notes at unit and variant level, whitespace and characters that need escaping.
func richUnit(_ index: Int) -> TranslationUnit {
    let codes = Segment([
        .text("Press \(index) <Enter> & \"go\"\r\n\t "),
        .element(InlineElement(.bpt, [Attribute("i", "1"), Attribute("type", "bold")], [.text("<b>")])),
        .text("now"),
        .element(InlineElement(.ept, [Attribute("i", "1")], [.text("</b>")])),
        .element(InlineElement(.ph, [Attribute("x", "2"), Attribute("assoc", "p")], [
            .text("<img alt=\""), .element(InlineElement(.sub, [Attribute("datatype", "html")], [.text("Logo ")])), .text("\">"),
        ])),
        .text(" "),
        .element(InlineElement(.hi, [Attribute("type", "term")], [.text("İstanbul")])),
        .element(InlineElement(.it, [Attribute("pos", "begin")], [])),
    ])
    return TranslationUnit(
        tuid: "rich-\(index)", sourceLanguage: tag("en-US"),
        attributes: [Attribute("creationdate", "20250101T120000Z"), Attribute("x-vendor", "a\"b\\c\u{1}")],
        props: [Prop(type: "x-domain", value: "UI"), Prop(type: "x-ctx", value: "menu", language: tag("en"), encoding: "Base64")],
        notes: [Note(value: "Checked\nby QA", language: tag("en-GB"))],
        variants: [
            Variant(language: tag("en-US"), segment: codes, attributes: [Attribute("changeid", "ann")],
                    props: [Prop(type: "x-origin", value: "mt")], notes: [Note(value: "src note")]),
            Variant(language: tag("tr-TR"), segment: Segment(text: "Şimdi \(index) İSTANBUL  ıı"), notes: [Note(value: "tr", encoding: "utf-8")]),
            Variant(language: tag("ja"), segment: Segment(text: "東京で\(index)回")),
        ],
        origin: index.isMultiple(of: 2) ? .imported : .aligned)
}

/// Every row of every table, as text, in a stable order: two databases with the same dump hold
/// the same data.
func dump(_ tm: SQLiteTranslationStore) throws -> [String] {
    try tm.read { db in
        var lines: [String] = []
        for table in ["importBatch", "unit", "variant", "prop", "note"] {
            let rows = try GRDBRowDump.rows(db, table: table)
            lines += rows.map { "\(table): \($0)" }
        }
        return lines
    }
}

/// The row ids a full-text table indexes (rows with at least one token), read through an
/// `fts5vocab` instance table: the tables keep no per-row sizes (`columnsize=0`) to count instead.
func fullTextRowIDs(_ tm: SQLiteTranslationStore, _ table: String) throws -> [Int64] {
    try tm.pool.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(table)_rows USING fts5vocab(main, '\(table)', 'instance')")
        return try Int64.fetchAll(db, sql: "SELECT DISTINCT doc FROM temp.\(table)_rows ORDER BY doc")
    }
}

/// A database file at schema v3 (before the duplicate key, the kept counts and the dropped
/// `variant.key`) holding the rows that `sql` inserts: a memory written by an older version.
func olderMemory(_ sql: String, arguments: StatementArguments = []) throws -> String {
    let path = try temporaryDatabasePath()
    let pool = try DatabasePool(path: path)
    try Schema.migrator.migrate(pool, upTo: "v3: full-text tables without column sizes")
    try pool.write { db in try db.execute(sql: sql, arguments: arguments) }
    return path
}
