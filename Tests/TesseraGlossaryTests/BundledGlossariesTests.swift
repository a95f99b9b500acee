import Foundation
import Testing
import TesseraGlossary

/// The glossaries shipped in `Glossaries/` (imported by the quick start) pass a strict read.
struct BundledGlossariesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Glossaries")

    @Test func everyBundledGlossary_readsStrictly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".tbx") || $0.hasSuffix(".csv") }
        #expect(!files.isEmpty)
        for file in files {
            let entries = try GlossaryFileReader.read(path: Self.folder.appendingPathComponent(file).path, languages: nil)
            #expect(entries.count == 84, "\(file)")
        }
    }
}
