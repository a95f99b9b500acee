import Foundation
import Testing
import TesseraCore
import TesseraText
@testable import TesseraAlignment

struct AlignmentDocumentTests {
    @Test(arguments: ["plain", "  leading", "trailing \t", "\u{00A0}no-break\u{202F}", "\u{3000}ideographic\u{2028}",
                      "   ", "", "inner  spaces stay", "\r\ncrlf\r"])
    func trimmed_equalsFoundationTrimming(_ line: String) {
        #expect(AlignmentDocument.trimmed(Substring(line)) == line.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func initLines_readsSentencesAndParagraphs() {
        let document = AlignmentDocument(lines: " Erster Satz. \r\nZweiter Satz.\n \nNeuer Absatz.\n", language: LanguageTag("de"))
        #expect(document.sentences == ["Erster Satz.", "Zweiter Satz.", "Neuer Absatz."])
        #expect(document.paragraphs == [0..<2, 2..<3])
    }

    @Test(arguments: ["", "one", "a\nb", "a\r\nb\r\n", "a\rb\n\nc", "\u{85}x\u{2028}y\u{2029}z", "tab\u{0B}vt\u{0C}ff",
                      "é\n\u{301}combining", "\r\r\n\n", "last line\n", "ä\u{2027}not a break"])
    func lines_splitWhereCharactersAreNewlines(_ text: String) {
        let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        #expect(AlignmentDocument.lines(text).map(String.init) == expected)
    }
}
