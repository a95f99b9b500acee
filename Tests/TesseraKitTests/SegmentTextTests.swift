import Foundation
import Testing
import TesseraCore
@testable import TesseraKit

/// The `segment` use case: a file in, sentences with UTF-8 offsets out.
struct SegmentTextTests {
    static func write(_ text: String, _ name: String = "t.txt") throws -> String {
        let path = try ImportExportSupport.temporaryFolder().appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [
        ("The house is red. The file is open.\nIt is late.\n", false, ["The house is red.", "The file is open.", "It is late."]),
        ("Dr. Smith came.\nHe left.\n", false, ["Dr. Smith came.", "He left."]),
        ("The house\nis red. It is\nlate.\n", true, ["The house is red.", "It is late."]),
    ])
    func run_splitsIntoSentences(text: String, blankLineParagraphs: Bool, expected: [String]) throws {
        let sentences = try SegmentText(language: LanguageTag("en")!, blankLineParagraphs: blankLineParagraphs)
            .run(file: try Self.write(text))
        #expect(sentences.map(\.singleLine) == expected)
        let bytes = Array(text.utf8)
        for sentence in sentences {
            #expect(String(decoding: bytes[sentence.start..<sentence.end], as: UTF8.self) == sentence.text)
        }
    }

    @Test func run_usesTheRulesOfAnSRXFile() throws {
        let srx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/><body>
            <languagerules><languagerule languagerulename="all">
            <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>
            """
        let sentences = try SegmentText(language: LanguageTag("en")!, rulesFile: try Self.write(srx, "r.srx"))
            .run(file: try Self.write("One; two. Three\n"))
        #expect(sentences.map(\.text) == ["One;", "two. Three"])
    }

    @Test func run_refusesAFileThatIsNotText() throws {
        let path = try ImportExportSupport.temporaryFolder().appendingPathComponent("bad.txt").path
        try Data([0x61, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect { try SegmentText(language: LanguageTag("en")!).run(file: path) } throws: { "\($0)".hasPrefix(path + ":1:") }
        #expect(throws: (any Error).self) { try SegmentText(language: LanguageTag("en")!).run(file: "/nonexistent/file.txt") }
    }

    @Test func run_anUnreadableRulesFileIsACannotReadError() throws {
        let useCase = SegmentText(language: LanguageTag("en")!, rulesFile: "/nonexistent/rules.srx")
        #expect { try useCase.run(text: "One. Two.") } throws: {
            ($0 as? KitError) == KitError(.cannotRead, "/nonexistent/rules.srx: cannot read the file.")
        }
    }
}
