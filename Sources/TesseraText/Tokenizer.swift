public import TesseraCore

/// Splits text into word, number, character and punctuation tokens, folded for matching.
///
/// Words are runs of letters, marks and digits; an apostrophe inside a word ends an elided article
/// (`l'OTAN` -> `l'`, `otan`) in French and Italian and stays inside otherwise (`don't`). A hyphen
/// separates words (`capability-targets` -> `capability`, `-`, `targets`). Han, kana, Hangul and
/// Thai characters are one token each, whatever the language, so that texts written without spaces
/// are compared character by character.
///
/// ```swift
/// Tokenizer.tokens(in: "NATO's 2% target, 3,5 Mrd.", language: LanguageTag("en"))
///     .map(\.text)   // ["nato's", "2", "%", "target", ",", "3,5", "mrd", "."]
/// ```
///
/// - Complexity: O(n) in the length of the text.
public enum Tokenizer {
    /// Tokenises `text`.
    /// - Parameters:
    ///   - text: Plain text (inline codes removed).
    ///   - language: Decides case folding (Turkic) and elision handling.
    ///   - foldDiacritics: Also remove diacritics from the folded token texts.
    /// - Returns: The tokens in order, with UTF-16 offsets into `text`.
    public static func tokens(in text: String, language: LanguageTag?, foldDiacritics: Bool = false) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5 + 1)
        forEachToken(in: text, language: language) { folded, kind, range in
            var text = String(decoding: folded, as: UTF8.self)
            if foldDiacritics { text = TextNormalizer.removeDiacritics(text) }
            tokens.append(Token(text: text, kind: kind, range: range))
        }
        return tokens
    }

    /// Calls `body` with each token in order: its folded text as UTF-8 bytes (valid only during
    /// the call), its kind and its UTF-16 range in `text`. The same tokens as
    /// ``tokens(in:language:foldDiacritics:)`` (without diacritic folding), with no String made:
    /// for callers that look the bytes up (the match index's vocabulary).
    ///
    /// ```swift
    /// Tokenizer.forEachToken(in: "Open it", language: nil) { bytes, kind, range in
    ///     print(String(decoding: bytes, as: UTF8.self), kind, range)   // open word 0..<4 ...
    /// }
    /// ```
    /// - Complexity: O(n) in the length of the text.
    public static func forEachToken(
        in text: String, language: LanguageTag?,
        _ body: (UnsafeBufferPointer<UInt8>, Token.Kind, Range<Int>) -> Void
    ) {
        let turkic = TextNormalizer.usesTurkicCasing(language)
        let elides = language.map { ["fr", "it", "ca"].contains($0.language) } ?? false
        // ASCII text (most source segments): the bytes are the scalars and the UTF-16 offsets,
        // so nothing is decoded or copied first.
        var contiguous = text
        let ascii = contiguous.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            scan(ASCIIScalars(bytes: bytes), offsets: nil, turkic: turkic, elides: elides, body)
            return true
        }
        if ascii { return }
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var utf16 = 0
        for scalar in scalars {
            offsets.append(utf16)
            utf16 += scalar.value > 0xFFFF ? 2 : 1
        }
        offsets.append(utf16)
        scan(scalars, offsets: offsets, turkic: turkic, elides: elides, body)
    }

    /// The scalars of ASCII text, read from its UTF-8 bytes.
    struct ASCIIScalars: RandomAccessCollection {
        let bytes: UnsafeBufferPointer<UInt8>
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        @inline(__always) subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
    }

    /// The tokenizer proper over `scalars`, whose UTF-16 offsets are `offsets` (the positions
    /// themselves when `nil`: ASCII).
    @inline(__always)
    static func scan<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ scalars: Scalars, offsets: [Int]?, turkic: Bool, elides: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, Token.Kind, Range<Int>) -> Void
    ) where Scalars.Index == Int {
        @inline(__always) func offset(_ position: Int) -> Int { offsets?[position] ?? position }
        // One buffer for every token: the folded UTF-8 bytes. A token with combining marks (or
        // conjoining Hangul jamo) is put in NFC, so that canonically equal words have the same
        // bytes (the match index compares bytes).
        var folded: [UInt8] = []
        folded.reserveCapacity(64)
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            folded.removeAll(keepingCapacity: true)
            var composes = false
            for index in start..<end {
                let scalar = scalars[index]
                if scalar.value >= 0x0300, mayCompose(scalar) { composes = true }
                TextNormalizer.appendFolded(scalar, turkic: turkic, into: &folded)
            }
            if composes {
                let composed = Array(TextNormalizer.composed(String(decoding: folded, as: UTF8.self)).utf8)
                composed.withUnsafeBufferPointer { body($0, kind, offset(start)..<offset(end)) }
                return
            }
            folded.withUnsafeBufferPointer { body($0, kind, offset(start)..<offset(end)) }
        }

        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                continue
            }
            if isUnspacedScript(scalar) {
                emit(index, index + 1, .character)
                index += 1
                continue
            }
            if isDigit(scalar) {
                var end = index + 1
                while end < count {
                    if isDigit(scalars[end]) {
                        end += 1
                    } else if isNumberSeparator(scalars[end]), end + 1 < count, isDigit(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                // Digits glued to letters ("F-35" handled by hyphen; "5G", "2nd") form one word.
                if end < count, isWordScalar(scalars[end]), !isUnspacedScript(scalars[end]) {
                    while end < count, isWordScalar(scalars[end]), !isUnspacedScript(scalars[end]) { end += 1 }
                    emit(index, end, .word)
                } else {
                    emit(index, end, .number)
                }
                index = end
                continue
            }
            if isWordScalar(scalar) {
                var end = index + 1
                while end < count {
                    let next = scalars[end]
                    if isWordScalar(next) && !isUnspacedScript(next) {
                        end += 1
                    } else if isApostrophe(next), end + 1 < count, isWordScalar(scalars[end + 1]), !isUnspacedScript(scalars[end + 1]) {
                        if elides {
                            end += 1  // keep the apostrophe with the elided article, then stop
                            break
                        }
                        end += 2
                    } else {
                        break
                    }
                }
                emit(index, end, .word)
                index = end
                continue
            }
            emit(index, index + 1, .punctuation)
            index += 1
        }
    }

    /// The folded texts of the content tokens (words, numbers, characters), punctuation dropped.
    public static func words(in text: String, language: LanguageTag?, foldDiacritics: Bool = false) -> [String] {
        tokens(in: text, language: language, foldDiacritics: foldDiacritics).compactMap { $0.isContent ? $0.text : nil }
    }

    /// Whether a scalar may compose with its neighbours under NFC: a combining mark or a
    /// conjoining Hangul jamo.
    @inline(__always) static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x11FF).contains(scalar.value) || scalar.properties.canonicalCombiningClass != .notReordered
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x20 || (scalar.value < 0x80 ? (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace)
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    @inline(__always) static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "," || scalar == "'" || scalar == "\u{202F}" || scalar == "\u{00A0}" || scalar == "\u{2009}"
    }

    @inline(__always) static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber: return true
        default: return false
        }
    }

    /// Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar: scripts compared by characters.
    @inline(__always) static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0E00 { return false }
        return (0x0E00...0x0EFF).contains(value)  // Thai, Lao
            || (0x1000...0x109F).contains(value)  // Myanmar
            || (0x1780...0x17FF).contains(value)  // Khmer
            || (0x3040...0x30FF).contains(value)  // Hiragana, Katakana
            || (0x3400...0x4DBF).contains(value)  // CJK Ext A
            || (0x4E00...0x9FFF).contains(value)  // CJK Unified
            || (0xAC00...0xD7AF).contains(value)  // Hangul syllables
            || (0xF900...0xFAFF).contains(value)  // CJK compatibility
            || (0xFF66...0xFF9F).contains(value)  // half-width katakana
            || (0x20000...0x2FA1F).contains(value)  // CJK Ext B-F
    }
}
