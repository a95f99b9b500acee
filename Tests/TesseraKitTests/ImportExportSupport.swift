import Foundation
import TesseraTestSupport
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage

/// Helpers shared by the import/export tests.
enum ImportExportSupport {
    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-kit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A language tag from a literal known to be valid.
    static func tag(_ text: String) -> LanguageTag {
        guard let tag = LanguageTag(text) else { preconditionFailure("Bad tag literal in a test: \(text)") }
        return tag
    }

    /// A unit with one plain-text variant per `(language, text)`.
    static func unit(_ variants: [(String, String)], tuid: String? = nil) -> TranslationUnit {
        TranslationUnit(tuid: tuid, variants: variants.map { Variant(language: tag($0.0), segment: Segment(text: $0.1)) })
    }

    /// The folder of the shared sample files, or `nil` when this machine does not have it.
    static var samples: URL? {
        let url = SharedData.root.appendingPathComponent("samples/tmx")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The TMX fixtures of TesseraTMXTests, reached from this file's path.
    static var tmxFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TesseraTMXTests/Fixtures")
    }
}
