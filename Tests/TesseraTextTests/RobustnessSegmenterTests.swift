import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraText

/// Bad input never crashes SRX loading or the segmenter: every truncation of an SRX document,
/// seeded byte flips, random rule patterns, random Unicode text (combining marks, RTL, emoji, NUL,
/// lone CR), a 1 MB line and empty input either give a result or an ``SRXError``.
struct RobustnessSegmenterTests {
    static let srx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="yes"/>
          <body>
            <languagerules>
              <languagerule languagerulename="English">
                <rule break="no"><beforebreak>\\b(?:Dr|Mr|Mrs|etc)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
                <rule break="yes"><beforebreak>[\\.\\?!]+</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="Default">
                <rule break="yes"><beforebreak>[\\.\\?!。]+</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="EN.*" languagerulename="English"/>
              <languagemap languagepattern=".*" languagerulename="Default"/>
            </maprules>
          </body>
        </srx>

        """

    /// Checks the ranges of `segmenter` on `text`: ordered, non-empty, trimmed, on character
    /// boundaries, and together they keep every non-space character.
    /// White space as the segmenter trims it (Unicode white space, zero-width space, BOM).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    static func checkSegments(_ segmenter: Segmenter, _ text: String, _ label: String) {
        let ranges = segmenter.segment(text)
        var previous = text.startIndex
        for range in ranges {
            #expect(range.lowerBound >= previous && range.lowerBound < range.upperBound, "\(label): unordered or empty range")
            #expect(range.upperBound <= text.endIndex)
            let onScalars = range.lowerBound.samePosition(in: text.unicodeScalars) != nil
                && range.upperBound.samePosition(in: text.unicodeScalars) != nil
            #expect(onScalars, "\(label): a range cuts a UTF-16 surrogate pair")
            previous = range.upperBound
        }
        // Compared scalar by scalar: a space followed by a combining mark is one Character.
        let kept = ranges.flatMap { text[$0].unicodeScalars.filter { !isSpace($0) } }
        #expect(kept == text.unicodeScalars.filter { !isSpace($0) }, "\(label): text lost or duplicated")
    }

    @Test func srx_wholeDocumentLoads() throws {
        let document = try SRXDocument(data: Data(Self.srx.utf8), file: "rules.srx")
        #expect(document.languageRules.count == 2)
        let rules = try document.rules(for: LanguageTag("en")!)
        let text = "Dr. Who left. He came back!"
        #expect(Segmenter(rules: rules).segment(text).count == 2)
    }

    @Test func srx_everyTruncationLoadsOrThrows() {
        let bytes = Array(Self.srx.utf8)
        let rootEnd = bytes.count - "</srx>\n".utf8.count
        for end in 0..<rootEnd {
            do {
                let document = try SRXDocument(data: Data(bytes[0..<end]), file: "cut.srx")
                _ = try document.rules(for: LanguageTag("en")!)
                Issue.record("a prefix of \(end) of \(bytes.count) bytes loaded")
            } catch {
                #expect(error.file == "cut.srx", "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test(arguments: [61, 62, 63] as [UInt64])
    func srx_randomByteFlipsLoadOrThrow(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let original = Array(Self.srx.utf8)
        for _ in 0..<120 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                let document = try SRXDocument(data: Data(bytes), file: "flip.srx")
                let rules = try document.rules(for: LanguageTag("en")!)
                Self.checkSegments(Segmenter(rules: rules), "Dr. Who left. He came back! Fine.", "flipped SRX")
            } catch {
                #expect(error.file == "flip.srx" || error.kind == .invalidPattern, "\(error)")
            }
        }
    }

    /// Regression: a byte that is not UTF-8 in an element name ("bef\u{F8}rebreak") crashed
    /// Foundation's XMLParser; it must be an SRXError with a position.
    @Test(arguments: [0xF8, 0x80, 0xC3, 0xFF] as [UInt8])
    func srx_invalidUTF8InANameThrows(byte: UInt8) throws {
        var bytes = Array(Self.srx.utf8)
        let name = Array("<beforebreak>".utf8)
        let start = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        bytes[start + 4] = byte
        let error = try #require(throws: SRXError.self) { try SRXDocument(data: Data(bytes), file: "bad.srx") }
        #expect(error.file == "bad.srx")
        #expect(error.line != nil)
    }

    /// A flipped byte in the encoding name ("UTF-9") must not let bytes that are not UTF-8 through.
    @Test(arguments: ["UTF-9", "X", ""])
    func srx_unknownEncodingWithInvalidBytesThrows(encoding: String) throws {
        var bytes = Array(Self.srx.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding)\"").utf8)
        let name = Array("<header".utf8)
        let start = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        bytes[start + 2] = 0xFC
        #expect(throws: SRXError.self) { try SRXDocument(data: Data(bytes), file: "bad.srx") }
    }

    @Test func srx_latin1DocumentStillLoads() throws {
        let text = Self.srx.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
            .replacingOccurrences(of: "|etc)", with: "|etc|St\u{E4}dt)").replacingOccurrences(of: "\u{3002}", with: "")
        let data = try #require(text.data(using: .isoLatin1))
        let document = try SRXDocument(data: data, file: "latin1.srx")
        #expect(document.languageRules.first?.rules.first?.beforeBreak.contains("St\u{E4}dt") == true)
    }

    @Test(arguments: [71, 72, 73] as [UInt64])
    func rules_randomPatternsCompileOrThrow(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let pieces = [
            "a", ".", "\\.", "\\s", "\\p{Lu}", "\\p{", "[", "]", "(", ")", "(?:", "(?<=", "(?!", "*", "+", "?", "{2}",
            "{", "|", "^", "$", "\\", "\\b", "\\u0041", "\\x{", "é", "\u{301}", "😀", "\u{0}", "\\Q", "\\E",
        ]
        for _ in 0..<150 {
            let before = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let after = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            do {
                let rules = try SegmentationRules(rules: [.init(isBreak: Bool.random(using: &generator), beforeBreak: before, afterBreak: after)])
                Self.checkSegments(Segmenter(rules: rules), "Ab. Cd! e\u{301}f? 😀 G.", "rule \(before.debugDescription) / \(after.debugDescription)")
            } catch {
                #expect(error.kind == .invalidPattern)
            }
        }
    }

    @Test(arguments: ["en", "de", "fr", "ja", "tr", "ar", "he", "xx"])
    func segment_randomUnicodeGivesOrderedRanges(language: String) throws {
        var generator = SeededGenerator(state: UInt64(language.unicodeScalars.reduce(0) { $0 * 31 + $1.value }))
        let pieces = [
            "Dr.", ". ", "! ", "? ", "。", "\u{0}", "\r", "\r\n", "\n", "\n\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{B}",
            "e\u{301}", "\u{301}", "\u{301}\u{302}\u{303}", ".\u{301} ", "\u{05E9}\u{05DC}\u{05D5}\u{05DD}.", "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}؟ ",
            "\u{202E}", "\u{200F}", "👩‍👩‍👧", "🇹🇷", ".🇹🇷 ", "İ", "ı", "\u{FEFF}", "Word", "wort", "中文", "\u{D7FF}", " ", "\t",
        ]
        let segmenter = Segmenter(language: try #require(LanguageTag(language)))
        for index in 0..<60 {
            let text = (0..<Int.random(in: 0...50, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            Self.checkSegments(segmenter, text, "\(language) #\(index) \(text.debugDescription)")
        }
    }

    @Test(arguments: ["", " ", "\u{0}", "\r", "\r\r", "\n\n\n", ".", "...", "\u{301}", "\u{301}.", "😀", ". . .", "\u{0}.\u{0} A."])
    func segment_tinyInputGivesOrderedRanges(text: String) {
        Self.checkSegments(Segmenter(language: LanguageTag("en")!), text, text.debugDescription)
        Self.checkSegments(Segmenter(language: LanguageTag("en")!, paragraphPerLine: false), text, text.debugDescription)
    }

    @Test func segment_oneMegabyteLineWithoutStopsIsOneSentence() {
        let text = String(repeating: "lorem ipsum dolor sit amet ", count: 40_000)
        #expect(text.utf8.count > 1_000_000)
        let ranges = Segmenter(language: LanguageTag("en")!).segment(text)
        #expect(ranges.count == 1)
    }

    @Test func segment_oneMegabyteLineOfSentencesSplits() {
        let sentence = "The cat sat on the mat. "
        let text = String(repeating: sentence, count: 42_000)
        #expect(text.utf8.count > 1_000_000)
        let ranges = Segmenter(language: LanguageTag("en")!).segment(text)
        #expect(ranges.count == 42_000)
    }
}
