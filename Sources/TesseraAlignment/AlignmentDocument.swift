import Foundation
public import TesseraCore

/// One side of an alignment: sentences, grouped in paragraphs, in a language.
///
/// ```swift
/// let document = AlignmentDocument(lines: "Erster Satz.\nZweiter Satz.\n\nNeuer Absatz.", language: LanguageTag("de"))
/// document.sentences.count   // 3
/// document.paragraphs        // [0..<2, 2..<3]
/// ```
public struct AlignmentDocument: Sendable, Hashable {
    /// The sentences, in order.
    public var sentences: [String]
    /// Consecutive, non-empty sentence ranges covering all sentences.
    public var paragraphs: [Range<Int>]
    /// The language, if known (decides case folding).
    public var language: LanguageTag?

    /// Creates a document.
    /// - Parameters:
    ///   - sentences: The sentences.
    ///   - paragraphs: Paragraph ranges; `nil` means one paragraph. Ranges that do not tile the
    ///     sentences are API misuse.
    ///   - language: The language.
    public init(sentences: [String], paragraphs: [Range<Int>]? = nil, language: LanguageTag?) {
        let tiles = paragraphs ?? (sentences.isEmpty ? [] : [0..<sentences.count])
        var expected = 0
        for range in tiles {
            precondition(range.lowerBound == expected && !range.isEmpty, "Paragraph ranges must tile the sentences in order.")
            expected = range.upperBound
        }
        precondition(expected == sentences.count, "Paragraph ranges must cover every sentence.")
        self.sentences = sentences
        self.paragraphs = tiles
        self.language = language
    }

    /// Reads one sentence per line; blank lines separate paragraphs; lines are trimmed and a
    /// final line break or `\r\n` endings are accepted.
    public init(lines text: String, language: LanguageTag?) {
        var sentences: [String] = []
        var paragraphs: [Range<Int>] = []
        var start = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = Self.trimmed(rawLine)
            if line.isEmpty {
                if sentences.count > start { paragraphs.append(start..<sentences.count) }
                start = sentences.count
            } else {
                sentences.append(line)
            }
        }
        if sentences.count > start { paragraphs.append(start..<sentences.count) }
        self.init(sentences: sentences, paragraphs: paragraphs, language: language)
    }

    /// The line without leading and trailing white space (Unicode White_Space, the same set as
    /// Foundation's `.whitespacesAndNewlines`, without bridging every line through NSString).
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
