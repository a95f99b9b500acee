import ArgumentParser
import Testing
import TesseraCore
import TesseraKit
@testable import tessera

struct ExportCommandTests {
    @Test(arguments: [
        ("out.tmx", ExportMemoryFormat.tmx), ("-", .tmx), ("out.tsv", .tsv), ("out.json", .json),
        ("out.jsonl", .jsonl), ("OUT.TSV", .tsv),
    ])
    func parse_infersFormatFromExtension(_ out: String, _ expected: ExportMemoryFormat) throws {
        #expect(try ExportCommand.parse([out]).resolvedFormat == expected)
    }

    @Test func parse_readsLanguagesLevelAndFormat() throws {
        let command = try ExportCommand.parse(["out.data", "--source", "en-US", "--target", "fr-CA, de", "--level", "1", "--format", "jsonl"])
        #expect(command.source == LanguageTag("en-US"))
        #expect(command.targetTags == [LanguageTag("fr-CA")!, LanguageTag("de")!])
        #expect(command.level == 1)
        #expect(command.resolvedFormat == .jsonl)
    }

    /// A compressed name tells the format from the name inside it (the export is then compressed).
    @Test(arguments: [("out.tmx.gz", "tmx"), ("out.tmx.zip", "tmx"), ("out.tsv.gz", "tsv"), ("OUT.JSONL.GZ", "jsonl")])
    func parse_formatOfACompressedName(name: String, format: String) throws {
        #expect(try ExportCommand.parse([name]).resolvedFormat?.rawValue == format)
    }

    @Test(arguments: [
        ["out.xyz"], ["out.gz"], ["out.xyz.zip"], ["out.tmx", "--level", "3"], ["out.tmx", "--target", "fr,!!"], ["out.tmx", "--source", "e n"],
        ["out.tmx", "--target", ","], ["out.tmx", "--format", "xml"], [],
    ])
    func parse_rejectsBadCommandLinesWithUsageStatus(_ arguments: [String]) {
        do {
            _ = try ExportCommand.parse(arguments)
            Issue.record("parsed \(arguments)")
        } catch {
            #expect(ExportCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
