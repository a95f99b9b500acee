import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
import TesseraKit
import TesseraStorage

/// Import and export on real files of every kind a user may hand over: zipped TMX (OmegaT),
/// bzip2, TSV, a missing file, a truncated gzip file, a database that is not one; gzip and zip
/// exports read back, an export that writes nothing, and `srclang="*all*"` kept.
struct ImportExportFilesTests {
    typealias Support = ImportExportSupport

    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu tuid="1"><tuv xml:lang="en"><seg>The red house is open.</seg></tuv><tuv xml:lang="de"><seg>Das rote Haus ist offen.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="en"><seg>Save the <ph x="1">&lt;b&gt;</ph>file.</seg></tuv><tuv xml:lang="fr"><seg>Enregistrez le fichier.</seg></tuv></tu>
        </body>
        </tmx>

        """

    /// A TMX file with `count` units.
    static func tmx(units count: Int) -> String {
        var body = ""
        for index in 0..<count {
            body += "<tu tuid=\"u\(index)\"><tuv xml:lang=\"en\"><seg>Unit number \(index) is here.</seg></tuv>"
                + "<tuv xml:lang=\"de\"><seg>Einheit Nummer \(index) ist da.</seg></tuv></tu>\n"
        }
        return tmx.replacingOccurrences(of: #"(?s)<body>.*</body>"#, with: "<body>\n\(body)</body>", options: .regularExpression)
    }

    static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/files") }

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func units(_ database: String) throws -> [TranslationUnit] {
        try TesseraStorage.TranslationMemory.open(path: database).allUnits().map(\.unit)
    }

    // MARK: - Import

    @Test
    func import_readsOmegaTZippedTMX() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = DatabaseLocation(option: folder.appendingPathComponent("tm.db").path)
        let zipped = Self.fixtures.appendingPathComponent("project_save.tmx.zip").path
        let report = try ImportTMX(database: database).run(files: [zipped])
        #expect(report.succeeded, "\(report.files.compactMap(\.error))")
        let stored = try units(database.path)
        #expect(stored.count == 3)
        #expect(stored.first?.variants.map(\.segment.plainText) == ["The project folder holds one file.", "Der Projektordner enthält eine Datei."])
    }

    /// Files that are not TMX, made with the real tools where installed: one line saying what the
    /// file is, nothing imported and no database left behind.
    static let notTMX: [(name: String, make: String, expected: String)] = [
        ("memory.tmx.bz2", "bzip2", "this is a bzip2-compressed file, not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip): decompress it first (bunzip2 -k FILE)"),
        ("memory.tmx.xz", "xz", "this is an xz-compressed file, not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip): decompress it first (unxz -k FILE)"),
        ("glossary.tsv", "tsv", "this is tab-separated text (TSV), not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip)"),
        ("notes.zip", "zip", "the zip archive holds no .tmx file (it holds a.txt, b.txt)"),
        ("missing.tmx", "none", "no such file"),
    ]

    @Test(arguments: notTMX)
    func import_refusesWhatIsNotTMXSayingWhatItIs(name: String, make: String, expected: String) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        switch make {
        case "bzip2", "xz":
            let plain = try write(Self.tmx, "memory.tmx", in: folder)
            try SystemTool.run(make, ["-k", plain], in: folder)
        case "tsv":
            _ = try write("en\tde\nhouse\tHaus\n", name, in: folder)
        case "zip":
            _ = try write("one", "a.txt", in: folder)
            _ = try write("two", "b.txt", in: folder)
            try SystemTool.run("zip", ["-q", name, "a.txt", "b.txt"], in: folder)
        default:
            break
        }
        let database = folder.appendingPathComponent("tm.db").path
        let report = try ImportTMX(database: DatabaseLocation(option: database)).run(files: [path])
        #expect(!report.succeeded)
        #expect(report.files.first?.error == "\(path): \(expected)")
        #expect(!FileManager.default.fileExists(atPath: database), "a failed import created \(database)")
    }

    @Test
    func import_failedFileIntoANewDatabaseLeavesNoFileBehind() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Opens fine (a TMX header), fails on its second unit: the database was created, then removed.
        let broken = try write(Self.tmx.replacingOccurrences(of: "</tu>\n<tu tuid=\"2\">", with: "</tuv>\n<tu tuid=\"2\">"), "broken.tmx", in: folder)
        let database = folder.appendingPathComponent("tm.db").path
        let report = try ImportTMX(database: DatabaseLocation(option: database)).run(files: [broken])
        #expect(!report.succeeded)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("tm.db") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test
    func import_truncatedGzipSaysAfterHowManyUnitsAndChangesNothing() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = DatabaseLocation(option: folder.appendingPathComponent("tm.db").path)
        let good = try write(Self.tmx, "good.tmx", in: folder)
        #expect(try ImportTMX(database: database).run(files: [good]).succeeded)
        let before = try units(database.path)
        let big = try write(Self.tmx(units: 3000), "big.tmx", in: folder)
        try SystemTool.run("gzip", [big], in: folder)
        let gzipped = try Data(contentsOf: URL(fileURLWithPath: big + ".gz"))
        let cut = folder.appendingPathComponent("cut.tmx.gz").path
        try gzipped.prefix(gzipped.count / 2).write(to: URL(fileURLWithPath: cut))
        let report = try ImportTMX(database: database).run(files: [cut])
        let error = try #require(report.files.first?.error)
        let match = try #require(error.firstMatch(of: #/^(.*): the gzip data ends early \(after (\d+) units\)$/#), "\(error)")
        #expect(match.1 == cut)
        #expect((1..<3000).contains(Int(match.2) ?? 0), "\(error)")
        #expect(try units(database.path) == before)
    }

    /// Files given as the database: one line naming the file, no SQL.
    static let notDatabases: [(name: String, content: [UInt8], message: String)] = [
        ("random.db", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, "not a Tessera database (file is not a database)"),
        ("memory.tmx", Array(tmx.utf8), "not a Tessera database (file is not a database)"),
    ]

    @Test(arguments: notDatabases)
    func open_fileThatIsNotADatabaseGivesOneLine(name: String, content: [UInt8], message: String) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent(name).path
        try Data(content).write(to: URL(fileURLWithPath: database))
        let good = try write(Self.tmx, "good.tmx", in: folder)
        #expect {
            _ = try ImportTMX(database: DatabaseLocation(option: database)).run(files: [good])
        } throws: { error in
            "\(error)" == "\(database): \(message)"
        }
        #expect {
            _ = try Stats(database: DatabaseLocation(option: database)).run()
        } throws: { error in
            "\(error)" == "\(database): \(message)"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == Data(content), "the file was changed")
    }

    // MARK: - Export

    @Test(arguments: [("out.tmx.gz", [UInt8]([0x1F, 0x8B])), ("out.tmx.zip", Array("PK".utf8) + [3, 4])])
    func export_compressedByNameAndReimportsIdentically(name: String, magic: [UInt8]) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = DatabaseLocation(option: folder.appendingPathComponent("first.db").path)
        #expect(try ImportTMX(database: first).run(files: [write(Self.tmx, "in.tmx", in: folder)]).succeeded)
        let out = folder.appendingPathComponent(name).path
        let format = try #require(ExportTMXFormat.infer(from: out))
        let export = try ExportTMX(database: first, output: out, format: format).run()
        #expect(export.units == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).prefix(magic.count) == Data(magic))
        let second = DatabaseLocation(option: folder.appendingPathComponent("second.db").path)
        let again = try ImportTMX(database: second).run(files: [out])
        #expect(again.succeeded, "\(again.files.compactMap(\.error))")
        #expect(try units(second.path) == units(first.path))
    }

    @Test
    func export_thatWritesNoUnitWarnsWithTheCount() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = DatabaseLocation(option: folder.appendingPathComponent("tm.db").path)
        #expect(try ImportTMX(database: database).run(files: [write(Self.tmx, "in.tmx", in: folder)]).succeeded)
        let out = folder.appendingPathComponent("out.tmx").path
        let report = try ExportTMX(database: database, output: out, format: .tmx, source: Support.tag("zz")).run()
        #expect(report.units == 0)
        #expect(report.warnings == ["0 units written: no unit has the source language zz."])
        let all = try ExportTMX(database: database, output: out, format: .tmx).run()
        #expect(all.units == 2 && all.warnings.isEmpty)
    }

    /// `srclang="*all*"` (in any letter case) comes back as `*all*` in the header and in `<tu>`,
    /// even when every unit starts with the same language.
    @Test(arguments: ["*all*", "*ALL*"])
    func export_writesTheWildcardSourceLanguageBack(spelling: String) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.tmx.replacingOccurrences(of: "srclang=\"en\"", with: "srclang=\"\(spelling)\"")
            .replacingOccurrences(of: "<tu tuid=\"1\">", with: "<tu tuid=\"1\" srclang=\"\(spelling)\">")
        let database = DatabaseLocation(option: folder.appendingPathComponent("tm.db").path)
        let report = try ImportTMX(database: database).run(files: [write(text, "in.tmx", in: folder)])
        #expect(report.succeeded && report.totals.warnings.isEmpty, "\(report.summary)")
        let out = folder.appendingPathComponent("out.tmx").path
        _ = try ExportTMX(database: database, output: out, format: .tmx).run()
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains(#"adminlang="en" srclang="*all*""#), "\(written)")
        #expect(written.contains(#"<tu tuid="1" srclang="*all*">"#), "\(written)")
    }
}
