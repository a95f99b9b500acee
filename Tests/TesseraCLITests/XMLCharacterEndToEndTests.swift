import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage

/// Every character XML 1.0 cannot carry, fed through every route into the translation memory and
/// the glossaries and out again: each TMX and TBX file written is well-formed (xmllint) and is read
/// back by Tessera (see `XMLCharacterPolicy`).
struct XMLCharacterEndToEndTests {
    /// U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF.
    static let forbidden: [Unicode.Scalar] = (Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF])
        .map { Unicode.Scalar(UInt32($0))! }

    /// Runs `xmllint --noout` on `path`; the result says why when the file is not well-formed.
    static func xmllint(_ path: String) throws -> (ok: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: output.prefix(1_000), as: UTF8.self))
    }

    /// Checks that `file` is well-formed and that `tessera import` (or `glossary import`) reads it.
    static func expectWellFormedAndReadable(_ harness: EndToEndHarness, _ file: String, importing: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else {
            Issue.record("xmllint is not installed (libxml2-utils)")
            return
        }
        let lint = try xmllint(harness.path(file))
        #expect(lint.ok, "\(file) is not well-formed: \(lint.output)")
        let reimport = try harness.run(importing)
        #expect(reimport.status == 0, "\(importing): \(reimport)")
    }

    @Test func align_replacesTheCharactersAndEveryExportIsWellFormed() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let english = Self.forbidden.enumerated().map { "Sentence number \($0.offset) carries \(Character($0.element)) inside." }
        let german = Self.forbidden.enumerated().map { "Satz Nummer \($0.offset) trägt \(Character($0.element)) darin." }
        try harness.write("en.txt", english.joined(separator: "\n") + "\n")
        try harness.write("de.txt", german.joined(separator: "\n") + "\n")
        let align = ["align", "en.txt", "de.txt", "--source", "en", "--target", "de", "--sentences"]

        let tmx = try harness.run(align + ["--format", "tmx", "-o", "aligned.tmx"])
        #expect(tmx.status == 0, "\(tmx)")
        #expect(tmx.standardError.contains("\(Self.forbidden.count) characters"), "no counted warning: \(tmx)")
        try Self.expectWellFormedAndReadable(harness, "aligned.tmx", importing: ["import", "aligned.tmx", "--db", "first.db"])

        let stored = try harness.run(align + ["--store", "--db", "tm.db", "--json"])
        #expect(stored.status == 0, "\(stored)")
        let summary = stored.jsonObject?["summary"] as? [String: Any]
        #expect(summary?["replacedCharacters"] as? Int == 2 * Self.forbidden.count, "\(stored)")
        let export = try harness.run(["export", "out.tmx", "--db", "tm.db"])
        #expect(export.status == 0, "\(export)")
        try Self.expectWellFormedAndReadable(harness, "out.tmx", importing: ["import", "out.tmx", "--db", "second.db"])

        // The units hold U+FFFD where the characters were, one unit per line.
        let tsv = try harness.run(["export", "-", "--format", "tsv", "--db", "second.db", "--source", "en", "--target", "de"])
        let lines = tsv.standardOutput.split(separator: "\n").dropFirst()  // the header row
        #expect(lines.count == Self.forbidden.count, "\(tsv)")
        #expect(lines.allSatisfy { $0.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2 }, "\(tsv)")
    }

    @Test func glossaryImport_replacesTheCharactersAndTheExportIsWellFormed() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        var csv = "en,de,note\n"
        for (index, scalar) in Self.forbidden.enumerated() {
            csv += "term\(Character(scalar))\(index),Begriff\(Character(scalar))\(index),note \(Character(scalar))\n"
        }
        try harness.write("terms.csv", csv)
        let imported = try harness.run(["glossary", "import", "terms.csv", "--db", "g.db", "--json"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.jsonObject?["replacedCharacters"] as? Int == 3 * Self.forbidden.count, "\(imported)")
        let export = try harness.run(["glossary", "export", "terms.tbx", "--db", "g.db"])
        #expect(export.status == 0, "\(export)")
        try Self.expectWellFormedAndReadable(harness, "terms.tbx", importing: ["glossary", "import", "terms.tbx", "--db", "again.db"])
    }

    /// A database written before the policy (or by another program) may hold the characters: the
    /// exports still write well-formed XML.
    @Test func export_ofADatabaseHoldingTheCharactersIsWellFormed() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        // Without U+0000, which SQLite's C strings would cut at.
        let raw = String(String.UnicodeScalarView(Self.forbidden.dropFirst()))
        let en = LanguageTag("en")!
        let de = LanguageTag("de")!
        let unit = TranslationUnit(
            tuid: "id\(raw)", variants: [
                Variant(language: en, segment: Segment(text: "Source \(raw) text."), props: [Prop(type: "x-note", value: "p\(raw)")]),
                Variant(language: de, segment: Segment(text: "Ziel \(raw) Text."), notes: [Note(value: "n\(raw)")]),
            ])
        _ = try AlignStore(database: StoreLocation(option: harness.path("old.db"))).store([unit], sourcePath: "raw\(raw).txt")
        let export = try harness.run(["export", "old.tmx", "--db", "old.db"])
        #expect(export.status == 0, "\(export)")
        try Self.expectWellFormedAndReadable(harness, "old.tmx", importing: ["import", "old.tmx", "--db", "new.db"])

        let entry = TermEntry(
            id: "c\(raw)", subject: "s\(raw)", definitions: ["en": "d\(raw)"], notes: ["": "n\(raw)"],
            terms: [Term(text: "term\(raw)", language: en, note: "t\(raw)"), Term(text: "Begriff\(raw)", language: de)])
        _ = try SQLiteGlossaryStore.open(path: harness.path("old.db")).replaceGlossary(Glossary(name: "g\(raw)", entries: [entry]), origin: nil)
        let glossary = try harness.run(["glossary", "export", "old.tbx", "--db", "old.db"])
        #expect(glossary.status == 0, "\(glossary)")
        try Self.expectWellFormedAndReadable(harness, "old.tbx", importing: ["glossary", "import", "old.tbx", "--db", "new.db"])
    }
}
