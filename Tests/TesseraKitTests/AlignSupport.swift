import Foundation
import TesseraAlignment
import TesseraCore
import TesseraKit
import TesseraTestSupport

/// The seed article and gold beads of the repository, reached from the package root.
enum AlignSupport {
    static let seed = SharedData.packageRoot.appendingPathComponent("TMX/seed")
    static let gold = SharedData.packageRoot.appendingPathComponent("Tests/TesseraAlignmentTests/Fixtures/seed")
    static let starterGlossary = SharedData.packageRoot.appendingPathComponent("Glossaries/defence.csv")

    static func input(_ language: String) throws -> AlignArticles.Input {
        let url = seed.appendingPathComponent("article.\(language).txt")
        return AlignArticles.Input(text: try String(contentsOf: url, encoding: .utf8), language: LanguageTag(language),
                                   name: url.path)
    }

    static func goldBeads(_ language: String) throws -> [String] {
        try String(contentsOf: gold.appendingPathComponent("article.en-\(language).beads"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
    }

    /// The seed article aligned with the given translations (raw text through the Segmenter).
    static func articles(_ languages: [String], lexicons: [BilingualLexicon] = []) throws -> [AlignedArticle] {
        AlignArticles.align(source: try input("en"), targets: try languages.map(input), inputIsSentences: false,
                            lexicons: lexicons)
    }

    /// Runs xmllint against the TMX DTD; `nil` when xmllint or the DTD is missing on this machine.
    static func validate(_ path: String) throws -> (status: Int32, output: String)? {
        guard let dtd = SharedData.path("spec/tmx14.dtd"), FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--dtdvalid", dtd, path]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
