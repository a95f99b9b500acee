import Foundation
package import TesseraAlignment
package import TesseraCore
import TesseraText

/// The "align an article with its translations" use case shared by the CLI and the server:
/// read the texts, split them into sentences, align each target with the source (pivoting on the
/// source sentences) and return one ``AlignedArticle`` per target.
///
/// ```swift
/// let articles = AlignArticles.align(
///     source: .init(text: german, language: LanguageTag("de")),
///     targets: [.init(text: french, language: LanguageTag("fr"))],
///     inputIsSentences: true)
/// print(articles[0].formatted(as: .beads))
/// ```
package enum AlignArticles {
    /// One text and its language.
    package struct Input: Sendable {
        /// The text.
        package var text: String
        /// Its language, if known.
        package var language: LanguageTag?
        /// A name for reports (file name).
        package var name: String

        /// Creates an input.
        package init(text: String, language: LanguageTag?, name: String = "") {
            self.text = text
            self.language = language
            self.name = name
        }
    }

    /// Aligns the source with every target.
    ///
    /// Characters XML cannot carry (control characters, U+FFFE, U+FFFF) are replaced by U+FFFD in
    /// every text first (`XMLCharacterPolicy`), so the units can be written as TMX; each article
    /// counts them (``AlignedArticle/sourceReplacedCharacters``, ``AlignedArticle/targetReplacedCharacters``).
    /// - Parameters:
    ///   - source: The original text.
    ///   - targets: Its translations (one alignment each).
    ///   - inputIsSentences: The texts have one sentence per line, blank lines between paragraphs
    ///     (sentence indices are then the non-blank lines in order). Otherwise every line or
    ///     blank-line separated block is a paragraph and is split into sentences.
    ///   - aligner: The aligner settings.
    ///   - lexicons: Extra lexicon per target (same order; e.g. from ``AlignLexicon``), merged
    ///     into the aligner's lexicon for that target. Missing entries mean none.
    /// - Returns: One alignment per target, in order.
    package static func align(source: Input, targets: [Input], inputIsSentences: Bool,
                             aligner: DocumentAligner = DocumentAligner(),
                             lexicons: [BilingualLexicon] = []) -> [AlignedArticle] {
        var source = source
        let sourceReplaced = XMLCharacterPolicy.sanitize(&source.text)
        let sourceDocument = document(source, inputIsSentences: inputIsSentences)
        return targets.enumerated().map { index, target in
            var target = target
            let targetReplaced = XMLCharacterPolicy.sanitize(&target.text)
            let targetDocument = document(target, inputIsSentences: inputIsSentences)
            var aligner = aligner
            if lexicons.indices.contains(index) { aligner.lexicon = aligner.lexicon.merging(lexicons[index]) }
            let report = aligner.align(source: sourceDocument, target: targetDocument)
            var article = AlignedArticle(sourceName: source.name, targetName: target.name, source: sourceDocument,
                                         target: targetDocument, report: report)
            article.sourceReplacedCharacters = sourceReplaced
            article.targetReplacedCharacters = targetReplaced
            return article
        }
    }

    /// Splits a text into a document: with `inputIsSentences` one sentence per line; otherwise
    /// every non-blank line is a paragraph, split by TesseraText's `Segmenter` (built-in rules of
    /// the language; the stop-gap splitter below when the language is unknown).
    static func document(_ input: Input, inputIsSentences: Bool) -> AlignmentDocument {
        if inputIsSentences { return AlignmentDocument(lines: input.text, language: input.language) }
        var sentences: [String] = []
        var paragraphs: [Range<Int>] = []
        for line in input.text.split(whereSeparator: \.isNewline) {
            let start = sentences.count
            if let language = input.language {
                let paragraph = String(line)
                sentences += Segmenter.segment(paragraph, language: language).map { String(paragraph[$0]) }
            } else {
                sentences += splitSentences(String(line))
            }
            if sentences.count > start { paragraphs.append(start..<sentences.count) }
        }
        return AlignmentDocument(sentences: sentences, paragraphs: paragraphs, language: input.language)
    }

    /// A minimal sentence splitter for text of unknown language: breaks after `.`,
    /// `!`, `?` or `…` (and closing quotes) followed by white space and an upper-case letter or digit.
    static func splitSentences(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(paragraph)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if ".!?…".contains(character) {
                var end = index + 1
                while end < characters.count, "\"'»”’)".contains(characters[end]) {
                    current.append(characters[end])
                    end += 1
                }
                var next = end
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                if next > end, next < characters.count, characters[next].isUppercase || characters[next].isNumber
                    || "«\"„“¿¡".contains(characters[next]) {
                    let trimmed = current.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { sentences.append(trimmed) }
                    current = ""
                    index = next
                    continue
                }
                index = end
                continue
            }
            index += 1
        }
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { sentences.append(trimmed) }
        return sentences
    }
}
