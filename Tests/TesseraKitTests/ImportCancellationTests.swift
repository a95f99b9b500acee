import Foundation
import TesseraKit
import Testing

/// A cancelled import throws at its next check inside the file's transaction, which rolls back:
/// nothing of the file is committed (what `tessera serve` relies on when it shuts down).
struct ImportCancellationTests {
    /// A TMX of `count` en-fr units.
    static func tmx(count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        for number in 0..<count {
            text += "<tu><tuv xml:lang=\"en\"><seg>Line \(number) of the file.</seg></tuv><tuv xml:lang=\"fr\"><seg>Ligne \(number) du fichier.</seg></tuv></tu>\n"
        }
        return text + "</body></tmx>\n"
    }

    @Test func cancelledWhileUnitsStreamIn_rollsTheFileBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-cancel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small.tmx")
        let large = folder.appendingPathComponent("large.tmx")
        try Self.tmx(count: 3).write(to: small, atomically: true, encoding: .utf8)
        try Self.tmx(count: 5_000).replacingOccurrences(of: "Line", with: "Row").write(to: large, atomically: true, encoding: .utf8)
        let location = StoreLocation.sqlite(path: folder.appendingPathComponent("tm.db").path)
        #expect(try ImportTMX(database: location).run(files: [small.path]).succeeded)
        let session = try TranslationMemory(location: location)
        defer { session.close() }

        let cancellation = ImportCancellation()
        var progressCalls = 0
        let report = try ImportTMX(database: location, cancellation: cancellation).run(files: [large.path], session: session) { _ in
            progressCalls += 1
            cancellation.cancel()
        }
        #expect(progressCalls == 1)
        #expect(!report.succeeded)
        #expect(report.files.first?.error?.hasSuffix("The import was cancelled.") == true)
        #expect(try Stats.run(in: session).units == 3)
        // Not cancelled, the same file goes in whole.
        #expect(try ImportTMX(database: location).run(files: [large.path], session: session).totals.added == 5_000)
    }

    @Test func cancelledBeforeTheStart_importsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-cancel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.tmx")
        try Self.tmx(count: 10).write(to: file, atomically: true, encoding: .utf8)
        let location = StoreLocation.sqlite(path: folder.appendingPathComponent("tm.db").path)
        let cancellation = ImportCancellation()
        cancellation.cancel()
        let report = try ImportTMX(database: location, cancellation: cancellation).run(files: [file.path])
        #expect(report.totals.filesFailed == 1 && report.totals.added == 0)
    }
}
