/// The one rule for characters that XML 1.0 cannot carry, so that every TMX and TBX file Tessera
/// writes is well-formed and can be read back.
///
/// XML 1.0 allows tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and
/// U+10000-U+10FFFF (production `Char`), not even as a character reference. The others that a Swift
/// string can hold are the C0 controls U+0000-U+0008, U+000B, U+000C, U+000E-U+001F and the
/// noncharacters U+FFFE and U+FFFF (lone surrogates cannot be in a `String`; a file that encodes one
/// is refused by the text reader). The policy replaces each of them by U+FFFD REPLACEMENT CHARACTER:
///
/// - on input, where text enters the translation memory or a glossary without passing an XML
///   parser (articles to align, CSV/TSV glossaries), the use case replaces them and reports how
///   many it replaced as a warning;
/// - on output, the XML writer replaces any that a database still holds, so nothing is written
///   raw.
///
/// ```swift
/// var text = "a\u{1}b"
/// XMLCharacterPolicy.sanitize(&text)   // 1; text == "a\u{FFFD}b"
/// XMLCharacterPolicy.isAllowed("\t")   // true
/// ```
///
/// - SeeAlso: [XML 1.0, 2.2 Characters](https://www.w3.org/TR/xml/#charsets)
public enum XMLCharacterPolicy {
    /// What replaces a character that XML cannot carry.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 can carry `scalar`.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Replaces every character XML cannot carry by ``replacement``.
    /// - Parameter text: The text, changed in place only when it holds such a character.
    /// - Returns: How many characters were replaced.
    /// - Complexity: O(n); a text without such characters is scanned once in UTF-8 and not copied.
    @discardableResult
    public static func sanitize(_ text: inout String) -> Int {
        guard needsReplacement(text) else { return 0 }
        var replaced = 0
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) {
                scalars.append(scalar)
            } else {
                scalars.append(replacement)
                replaced += 1
            }
        }
        text = String(scalars)
        return replaced
    }

    /// `text` with every character XML cannot carry replaced by ``replacement``.
    public static func sanitized(_ text: String) -> String {
        var copy = text
        sanitize(&copy)
        return copy
    }

    /// Whether `text` holds a character XML cannot carry (a byte under 0x20 other than tab, LF
    /// and CR, or the UTF-8 form of U+FFFE or U+FFFF: EF BF BE, EF BF BF).
    static func needsReplacement(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }
}
