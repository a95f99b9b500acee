import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraGlossary

/// Bad input never crashes: seeded random delimited text and every truncation of a TBX file
/// either read or throw a ``GlossaryError``.
struct GlossaryRobustnessTests {
    @Test(arguments: [1, 2, 3, 4, 5])
    func read_randomDelimitedTextReadsOrThrows(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let alphabet: [Character] = ["a", "é", "\"", ",", "\t", "\n", "\r", " ", "#", "İ", "en", "|"].flatMap { Array(String($0)) }
        for _ in 0..<200 {
            let length = Int.random(in: 0..<80, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let header = Bool.random(using: &generator) ? "en,de\n" : ""
            do {
                let entries = try DelimitedGlossaryReader.read(
                    text: header + text, file: "random.csv", languages: (LanguageTag("en")!, LanguageTag("de")!))
                #expect(entries.allSatisfy { !$0.terms.isEmpty })
            } catch let error as GlossaryError {
                #expect(error.line != nil)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func read_everyTruncationOfATBXFileReadsOrThrows() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path("tbx/basic-good.tbx"))))
        let closing = Array("</tbx>".utf8)
        let rootEnd = try #require((0...(bytes.count - closing.count)).last { Array(bytes[$0..<($0 + closing.count)]) == closing })
        for end in stride(from: 0, to: rootEnd, by: 7) {
            // Cut before the root element closes: never a crash, always an error with a place.
            let error = try #require(throws: GlossaryError.self) { try TBXReader.read(bytes: Array(bytes[0..<end]), name: "cut.tbx") }
            #expect(error.file == "cut.tbx")
        }
    }
}
