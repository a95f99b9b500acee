import Foundation
package import TesseraCore
import TesseraText

/// The features of both documents, with the vocabularies that give word ids their meaning.
///
/// ```swift
/// let features = BilingualFeatures(source: ["Der Himalaya ist hoch ."], target: ["L' Himalaya est haut ."],
///                                  sourceLanguage: LanguageTag("de"), targetLanguage: LanguageTag("fr"))
/// features.source[0].sortedKeys == features.target[0].sortedKeys   // false: "." is not evidence, "hima" is shared
/// ```
package struct BilingualFeatures: Sendable {
    /// Weight of a number match: numbers rarely match by chance.
    package static let numberWeight: Float = 2
    /// Weight of a word (cognate or lexicon) match.
    package static let wordWeight: Float = 1
    /// Weight of a punctuation match (`?`, `!`, quotes, parentheses, colon, semicolon).
    package static let punctuationWeight: Float = 0.5
    /// Length of the prefix two words must share to count as cognates (Simard, Foster and
    /// Isabelle 1992, "Using cognates to align sentences in bilingual corpora": 4 characters).
    package static let cognatePrefixLength = 4

    /// Features of the source sentences.
    package var source: [SentenceFeatures]
    /// Features of the target sentences.
    package var target: [SentenceFeatures]
    /// Source vocabulary: word id -> folded word (lower case, no diacritics).
    package var sourceWords: [String]
    /// Target vocabulary.
    package var targetWords: [String]

    /// Extracts the features of both documents.
    /// - Parameters:
    ///   - source: Source sentences.
    ///   - target: Target sentences.
    ///   - sourceLanguage: Decides case folding and elision (optional).
    ///   - targetLanguage: Same for the target.
    /// - Complexity: O(total characters).
    package init(source: [String], target: [String], sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?) {
        var keys: [String: Int32] = [:]
        var sourceVocabulary = Vocabulary()
        var targetVocabulary = Vocabulary()
        var folded: [String: String] = [:]
        self.source = source.map {
            Self.features(of: $0, language: sourceLanguage, keys: &keys, words: &sourceVocabulary, folded: &folded)
        }
        self.target = target.map {
            Self.features(of: $0, language: targetLanguage, keys: &keys, words: &targetVocabulary, folded: &folded)
        }
        self.sourceWords = sourceVocabulary.words
        self.targetWords = targetVocabulary.words
    }

    struct Vocabulary {
        var ids: [String: Int32] = [:]
        var words: [String] = []
        /// Shared key and word id of each word token seen on this side (a word's item is the same
        /// in every sentence: computed once).
        var wordItems: [String: (key: Int32, word: Int32)] = [:]
        mutating func id(_ word: String) -> Int32 {
            if let id = ids[word] { return id }
            let id = Int32(words.count)
            ids[word] = id
            words.append(word)
            return id
        }
    }

    /// The token text without diacritics: ASCII tokens are returned as they are, others go
    /// through `TextNormalizer.removeDiacritics` once per distinct token (`cache`). The same
    /// result as tokenising with `foldDiacritics: true`, without a Unicode normalisation per
    /// token (which took half of the feature extraction).
    @inline(__always) static func withoutDiacritics(_ text: String, cache: inout [String: String]) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if let known = cache[text] { return known }
        let result = latinFolded(text) ?? TextNormalizer.removeDiacritics(text)
        cache[text] = result
        return result
    }

    /// `TextNormalizer.removeDiacritics(text)` for text of ASCII and Latin letters with
    /// diacritics (U+00C0–U+017F) whose own result is ASCII (`é` -> `e`), without Unicode
    /// normalisation; `nil` for any other text. Decomposition works scalar by scalar and the
    /// marks it yields are all removed, so the result is the concatenation of each scalar's.
    static func latinFolded(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(scalar)
                continue
            }
            guard value >= latinFoldingFirst, value < latinFoldingFirst + UInt32(latinFolding.count),
                  let folded = latinFolding[Int(value - latinFoldingFirst)] else { return nil }
            out.append(contentsOf: folded.unicodeScalars)
        }
        return String(out)
    }

    /// First scalar of ``latinFolding``.
    static let latinFoldingFirst: UInt32 = 0xC0
    /// `removeDiacritics` of each scalar from U+00C0 to U+017F when that is ASCII, else nil.
    static let latinFolding: [String?] = (0xC0...0x17F).map { value -> String? in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        let folded = TextNormalizer.removeDiacritics(String(scalar))
        return !folded.isEmpty && folded.utf8.allSatisfy({ $0 < 0x80 }) ? folded : nil
    }

    /// Characters other than white space, with an ASCII fast path.
    static func nonSpaceLength(_ text: String) -> Int {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var length = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { length += 1 }
            }
            return length
        }
        if let ascii, let length = ascii { return length }
        var length = 0
        for scalar in text.unicodeScalars where !isWhitespace(scalar.value) { length += 1 }
        return length
    }

    /// Unicode's White_Space property (PropList.txt: 25 code points, a stable set), without the
    /// property table look-up of `Unicode.Scalar.Properties.isWhitespace`.
    @inline(__always) static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func features(of text: String, language: LanguageTag?, keys: inout [String: Int32],
                         words: inout Vocabulary, folded: inout [String: String]) -> SentenceFeatures {
        func key(_ name: String) -> Int32 {
            if let id = keys[name] { return id }
            let id = Int32(keys.count)
            keys[name] = id
            return id
        }
        let length = nonSpaceLength(text)
        var items: [SentenceFeatures.Item] = []
        for var token in Tokenizer.tokens(in: text, language: language, foldDiacritics: false) {
            token.text = withoutDiacritics(token.text, cache: &folded)
            switch token.kind {
            case .number:
                let digits = token.text.utf8.allSatisfy({ $0 < 0x80 })
                    ? String(token.text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 })  // ASCII: only 0-9 are numeric
                    : String(token.text.unicodeScalars.filter { $0.properties.numericType != nil })
                items.append(.init(key: key("#" + digits), word: words.id(token.text), weight: numberWeight))
            case .word, .character:
                var word = token.text
                // The scalar test first: `hasSuffix` compares characters and is slow.
                if let last = word.unicodeScalars.last, last == "'" || last == "\u{2019}",
                   word.hasSuffix("'") || word.hasSuffix("\u{2019}") {
                    word.removeLast()
                }
                guard !word.isEmpty else { continue }
                if let known = words.wordItems[word] {
                    items.append(.init(key: known.key, word: known.word, weight: wordWeight))
                    continue
                }
                let hasDigit = word.utf8.allSatisfy({ $0 < 0x80 })
                    ? word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }  // ASCII: only 0-9 are numeric
                    : word.unicodeScalars.contains { $0.properties.numericType != nil }
                let shared: Int32
                if hasDigit {
                    shared = key("=" + word)
                } else if word.count >= cognatePrefixLength {
                    shared = key("~" + word.prefix(cognatePrefixLength))
                } else {
                    shared = -1
                }
                let id = words.id(word)
                words.wordItems[word] = (shared, id)
                items.append(.init(key: shared, word: id, weight: wordWeight))
            case .punctuation:
                guard let mark = punctuationClass(token.text) else { continue }
                items.append(.init(key: key("p" + mark), word: -1, weight: punctuationWeight))
            }
        }
        return SentenceFeatures(length: length, items: items)
    }

    /// The punctuation that carries over between languages, with all quotes as one class.
    static func punctuationClass(_ text: String) -> String? {
        // One scalar (almost every punctuation token): a switch on its value. U+037E, the Greek
        // question mark, is canonically equivalent to ";", and string comparison matches it too.
        let scalars = text.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            switch first.value {
            case 0x3F, 0xBF: return "?"
            case 0x21, 0xA1: return "!"
            case 0x22, 0xAB, 0xBB, 0x201E, 0x201C, 0x201D, 0x2039, 0x203A, 0x201A, 0x2018: return "\""
            case 0x28, 0x29, 0x5B, 0x5D: return "("
            case 0x3A: return ":"
            case 0x3B, 0x37E: return ";"
            case 0x25: return "%"
            default: return nil
            }
        }
        return punctuationClassComparingStrings(text)
    }

    /// ``punctuationClass(_:)`` by string comparison (canonical equivalence), for text of
    /// several scalars.
    static func punctuationClassComparingStrings(_ text: String) -> String? {
        switch text {
        case "?", "¿": return "?"
        case "!", "¡": return "!"
        case "\"", "«", "»", "„", "“", "”", "‹", "›", "‚", "‘": return "\""
        case "(", ")", "[", "]": return "("
        case ":": return ":"
        case ";": return ";"
        case "%": return "%"
        default: return nil
        }
    }
}
