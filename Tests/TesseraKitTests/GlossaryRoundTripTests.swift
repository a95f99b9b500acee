import Foundation
import Testing
import TesseraCore
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport
@testable import TesseraKit

/// Issue 9 item 6: TBX -> database -> TBX -> database keeps every stored entry identical, for
/// every TBX sample and fixture, in TBX 3 and TBX 2; the outputs are well-formed (`xmllint`).
struct GlossaryRoundTripTests {
    /// Every TBX file to round-trip: the package's fixtures and the shared samples (when present).
    static let files: [String] = {
        var paths: [String] = []
        let fixtures = SharedData.packageRoot.appendingPathComponent("Tests/TesseraGlossaryTests/Fixtures/tbx").path
        let samples = SharedData.root.appendingPathComponent("samples/tbx").path
        for folder in [fixtures, samples] {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                if !relative.hasSuffix(".tbx") || relative.contains("not-well-formed") { continue }
                paths.append(folder + "/" + relative)
            }
        }
        return paths.sorted()
    }()

    /// Samples that break the TBX rules, imported leniently, with their warning counts: the LTAC
    /// validation file and the fixture made from it on purpose; Translate Toolkit's sample puts
    /// concept notes after the `langSet` (TBX 2 wants them first).
    static let invalid: [String: Int] = ["basic_bad.tbx": 5, "basic-bad.tbx": 1, "test_note_from.tbx": 2]

    /// The stored entries with the provenance `source` (the file name, when no `source` admin
    /// gave one) removed: it names the file imported, which differs by design.
    static func stored(_ database: StoreLocation, file: String) throws -> [TermEntry] {
        let name = URL(fileURLWithPath: file).lastPathComponent
        return try SQLiteGlossaryStore.open(path: database.description).load(names: nil, languages: nil).flatMap(\.entries).map { entry in
            var copy = entry
            if copy.source == name { copy.source = nil }
            return copy
        }
    }

    @Test(arguments: [2, 3])
    func roundTrip_everyTBXSampleStoresIdentically(version: Int) throws {
        #expect(Self.files.count >= 6)
        let scratch = try GlossaryKitTests.Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        for (index, file) in Self.files.enumerated() {
            let first = StoreLocation(option: scratch.folder.appendingPathComponent("first\(index).db").path)
            // Invalid samples are imported leniently; their export is valid (read back strictly).
            let expected = Self.invalid[URL(fileURLWithPath: file).lastPathComponent]
            let imported = try GlossaryImport(files: [file], name: "g", database: first, lenient: expected != nil).run()
            #expect(imported.warnings.count == expected ?? 0, "\(file): \(imported.warnings)")
            let output = scratch.folder.appendingPathComponent("out\(index).tbx").path
            _ = try GlossaryExport(output: output, name: nil, database: first, tbxVersion: version).run()
            let second = StoreLocation(option: scratch.folder.appendingPathComponent("second\(index).db").path)
            let report = try GlossaryImport(files: [output], name: "g", database: second).run()
            #expect(report.warnings.isEmpty, "\(file)")
            let before = try Self.stored(first, file: file)
            let after = try Self.stored(second, file: output)
            #expect(before.count == after.count, "\(file)")
            for (lhs, rhs) in zip(before, after) { #expect(lhs == rhs, "\(file) concept \(lhs.id)") }
            #expect(try Self.xmllint(output), "xmllint --noout \(output) (\(file))")
        }
    }

    /// Whether `xmllint --noout` accepts the file (true when xmllint is not installed, with a message).
    static func xmllint(_ path: String) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else {
            print("Skipped the xmllint check: /usr/bin/xmllint is absent.")
            return true
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func export_mergedGlossariesGetUniqueConceptIDs() throws {
        let scratch = try GlossaryKitTests.Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let csv = try scratch.write("a.csv", GlossaryKitTests.longCSV)
        _ = try GlossaryImport(files: [csv], name: "first", database: scratch.database).run()
        _ = try GlossaryImport(files: [csv], name: "second copy", database: scratch.database).run()
        let output = scratch.folder.appendingPathComponent("merged.tbx").path
        let report = try GlossaryExport(output: output, name: nil, database: scratch.database).run()
        #expect(report.concepts == 6)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let ids = text.components(separatedBy: "<conceptEntry id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["c1", "c2", "c3", "second_copy-c1", "second_copy-c2", "second_copy-c3"])
    }

    @Test func uniqueIDs_countsOnWhenThePrefixedIDIsTaken() {
        let language = LanguageTag("en")!
        func glossary(_ name: String, _ ids: [String]) -> Glossary {
            Glossary(name: name, entries: ids.map { TermEntry(id: $0, terms: [Term(text: $0, language: language)]) })
        }
        let merged = GlossaryExport.uniqueIDs([glossary("g", ["c1", "g-c1"]), glossary("g", ["c1"]), glossary("h", ["c1", "c1"])])
        #expect(merged.entries.map(\.id) == ["c1", "g-c1", "g-c1-2", "h-c1", "h-c1-2"])
    }

    @Test func import_lenientCountsAndListsWarnings() throws {
        let scratch = try GlossaryKitTests.Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let tbx = try scratch.write("two.tbx", """
            <?xml version="1.0"?>
            <martif type="TBX" xml:lang="en"><text><body>
            <termEntry id="c1"><langSet xml:lang="en"><tig><term>one</term><term>two</term>
            <termNote type="termType">nickname</termNote></tig></langSet></termEntry>
            </body></text></martif>
            """)
        #expect(throws: (any Error).self) { try GlossaryImport(files: [tbx], name: nil, database: scratch.database).run() }
        let stored = FileManager.default.fileExists(atPath: scratch.database.description)
            ? try SQLiteGlossaryStore.open(path: scratch.database.description).summaries() : []
        #expect(stored.isEmpty)
        let report = try GlossaryImport(files: [tbx], name: nil, database: scratch.database, lenient: true).run()
        #expect(report.terms == 2)
        #expect(report.warnings.count == 2)
        #expect(report.warnings.allSatisfy { $0.hasPrefix("two.tbx:3:") || $0.hasPrefix("two.tbx:4:") })
        #expect(report.summary.contains("2 warnings"))
    }
}
