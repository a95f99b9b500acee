import Foundation
package import TesseraCore

/// One side of an alignment: sentences, grouped in paragraphs, in a language.
///
/// ```swift
/// let document = AlignmentDocument(lines: "Erster Satz.\nZweiter Satz.\n\nNeuer Absatz.", language: LanguageTag("de"))
/// document.sentences.count   // 3
/// document.paragraphs        // [0..<2, 2..<3]
/// ```
package struct AlignmentDocument: Sendable, Hashable {
    /// The sentences, in order.
    package var sentences: [String]
    /// Consecutive, non-empty sentence ranges covering all sentences.
    package var paragraphs: [Range<Int>]
    /// The language, if known (decides case folding).
    package var language: LanguageTag?

    /// Creates a document.
    /// - Parameters:
    ///   - sentences: The sentences.
    ///   - paragraphs: Paragraph ranges; `nil` means one paragraph. Ranges that do not tile the
    ///     sentences are API misuse.
    ///   - language: The language.
    package init(sentences: [String], paragraphs: [Range<Int>]? = nil, language: LanguageTag?) {
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
    package init(lines text: String, language: LanguageTag?) {
        var sentences: [String] = []
        var paragraphs: [Range<Int>] = []
        var start = 0
        for rawLine in Self.lines(text) {
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
        // Most lines start and end with a visible ASCII character: nothing to trim.
        let utf8 = line.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F {
            return String(line)
        }
        let scalars = line.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// The lines of `text`, split where `Character.isNewline` would split them (LF, VT, FF, CR,
    /// CR LF as one break, NEL, LS, PS), by scanning UTF-8 instead of grapheme clusters: a line
    /// break is always a cluster of its own (or CR LF), so the lines are the same.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            var breakEnd: String.Index?
            if byte >= 0x0A && byte <= 0x0D {
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                breakEnd = next
            } else if byte == 0xC2 || byte == 0xE2 {
                // NEL is C2 85, LS and PS are E2 80 A8 and E2 80 A9.
                let second = utf8.index(after: index)
                if second != utf8.endIndex {
                    if byte == 0xC2, utf8[second] == 0x85 {
                        breakEnd = utf8.index(after: second)
                    } else if byte == 0xE2, utf8[second] == 0x80 {
                        let third = utf8.index(after: second)
                        if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 { breakEnd = utf8.index(after: third) }
                    }
                }
            }
            if let breakEnd {
                lines.append(text[lineStart..<index])
                lineStart = breakEnd
                index = breakEnd
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }
}
