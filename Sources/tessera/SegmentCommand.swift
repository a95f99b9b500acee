import ArgumentParser
import Foundation
import TesseraCore
import TesseraText

/// `tessera segment FILE --lang LANG [--srx RULES.srx] [--json]`: split a text into sentences.
///
/// Plain output prints one sentence per line. JSON output is
/// `{"sentences":[{"end":12,"start":0,"text":"..."}]}` where `start` and `end` are UTF-8 byte
/// offsets into the decoded text (after any byte-order mark), `end` exclusive.
struct SegmentCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a text file into sentences, one per line.",
        discussion: """
            Reads UTF-8 (with or without BOM) or UTF-16 with BOM; lines end with LF, CR LF or CR. Every line is a paragraph unless \
            --blank-line-paragraphs is given. Built-in rules cover en, de, fr, es, it, pt, nl, pl, tr, ru, \
            uk, zh and ja; --srx loads SRX 2.0 (or 1.0) rules instead.
            """)

    @Argument(help: "The text file to segment.")
    var file: String

    @Option(name: .long, help: "Language of the text (BCP 47 tag, e.g. en, de-CH).")
    var lang: String

    @Option(name: .long, help: "SRX rules file to use instead of the built-in rules.")
    var srx: String?

    @Flag(name: .long, help: "Print one JSON document with UTF-8 byte offsets instead of one sentence per line.")
    var json = false

    var printsJSON: Bool { json }

    @Flag(name: .long, help: "Only blank lines separate paragraphs (for hard-wrapped text).")
    var blankLineParagraphs = false

    func validate() throws {
        guard LanguageTag(lang) != nil else { throw ValidationError("'\(lang)' is not a language tag.") }
    }

    func run() throws {
        guard let language = LanguageTag(lang) else { throw ValidationError("'\(lang)' is not a language tag.") }
        let text: String
        do {
            text = try TextFile(path: file).text
        } catch {
            throw Self.fail(error.description)
        }
        let rules: SegmentationRules
        if let srx {
            guard let srxData = FileManager.default.contents(atPath: srx) else {
                throw Self.fail("\(srx): cannot read the file.")
            }
            do {
                rules = try SRXDocument(data: srxData, file: srx).rules(for: language)
            } catch {
                throw Self.fail(error.description)
            }
        } else {
            rules = SegmentationRules.builtin(for: language)
        }
        let ranges = Segmenter(rules: rules, paragraphPerLine: !blankLineParagraphs).segment(text)
        if json {
            let sentences = ranges.map { range in
                Sentence(
                    text: String(text[range]), start: text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                    end: text.utf8.distance(from: text.startIndex, to: range.upperBound))
            }
            try JSONOutput.print(Output(sentences: sentences))
        } else {
            for range in ranges {
                // A sentence that spans lines (blank-line paragraphs) is printed on one line.
                print(text[range].split(whereSeparator: \.isNewline).joined(separator: " "))
            }
        }
    }

    struct Sentence: Encodable {
        let text: String
        let start: Int
        let end: Int
    }

    struct Output: Encodable {
        let sentences: [Sentence]
    }

    /// The failure (exit 1) of `message`, printed as one line by ``Tessera/main(_:)``.
    static func fail(_ message: String) -> CommandFailure {
        CommandFailure("error: " + message)
    }
}
