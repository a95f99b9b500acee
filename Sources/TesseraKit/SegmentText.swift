import Foundation
public import TesseraCore
import TesseraText

/// The `segment` use case: splits a text file into sentences with the built-in rules of its
/// language or with the rules of an SRX file.
///
/// ```swift
/// let sentences = try SegmentText(language: LanguageTag("en")!).run(file: "article.en.txt")
/// sentences.first?.text    // "The house is red."
/// sentences.first?.start   // 0 (UTF-8 byte offset)
/// ```
public struct SegmentText: Sendable, Hashable {
    /// One sentence and where it is in the decoded text.
    public struct Sentence: Sendable, Hashable, Codable {
        /// The sentence as it is in the text (it may span lines with ``blankLineParagraphs``).
        public var text: String
        /// UTF-8 byte offset of its first character in the decoded text (after any byte-order mark).
        public var start: Int
        /// UTF-8 byte offset after its last character.
        public var end: Int

        /// The sentence on one line: line breaks inside it become spaces.
        public var singleLine: String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
    }

    /// The language of the text.
    public var language: LanguageTag
    /// An SRX 2.0 (or 1.0) rules file used instead of the built-in rules.
    public var rulesFile: String?
    /// Only blank lines separate paragraphs (hard-wrapped text); otherwise every line is one.
    public var blankLineParagraphs: Bool

    /// Creates the use case.
    public init(language: LanguageTag, rulesFile: String? = nil, blankLineParagraphs: Bool = false) {
        self.language = language
        self.rulesFile = rulesFile
        self.blankLineParagraphs = blankLineParagraphs
    }

    /// Reads `file` and splits it.
    /// - Returns: The sentences in order.
    /// - Throws: the text-file error (`FILE:LINE:COLUMN: message`), ``KitError`` `cannotRead` when
    ///   the rules file cannot be read, the SRX error of a malformed rules file.
    /// - Complexity: O(n) in the text for the built-in rules.
    public func run(file: String) throws -> [Sentence] {
        try run(text: TextFile(path: file).text)
    }

    /// Splits `text`.
    /// - Throws: as ``run(file:)`` for the rules file.
    public func run(text: String) throws -> [Sentence] {
        let rules: SegmentationRules
        if let rulesFile {
            guard let data = FileManager.default.contents(atPath: rulesFile) else {
                throw KitError(.cannotRead, "\(rulesFile): cannot read the file.")
            }
            rules = try SRXDocument(data: data, file: rulesFile).rules(for: language)
        } else {
            rules = SegmentationRules.builtin(for: language)
        }
        return Segmenter(rules: rules, paragraphPerLine: !blankLineParagraphs).segment(text).map { range in
            Sentence(
                text: String(text[range]), start: text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                end: text.utf8.distance(from: text.startIndex, to: range.upperBound))
        }
    }
}
