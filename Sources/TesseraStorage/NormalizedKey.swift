import Foundation
public import TesseraCore

extension TranslationMemory {
    /// The key stored for exact matching: the plain text lower-cased (Turkish and Azeri rules for
    /// `tr` and `az`, so that `İ` becomes `i` and `I` becomes `ı`), runs of whitespace collapsed to
    /// one space, leading and trailing whitespace removed.
    ///
    /// ```swift
    /// TranslationMemory.normalizedKey("  Hello\tWORLD ", language: LanguageTag("en")!)  // "hello world"
    /// ```
    ///
    /// - Parameters:
    ///   - text: the plain text of a segment.
    ///   - language: the language of the text.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func normalizedKey(_ text: String, language: LanguageTag) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII fast path: byte-wise lower-casing (Turkish dotless ı only affects `I`).
            let turkic = language.language == "tr" || language.language == "az"
            if !(turkic && text.utf8.contains(UInt8(ascii: "I"))) {
                for byte in text.utf8 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = !bytes.isEmpty
                        continue
                    }
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        let lowered: String
        switch language.language {
        case "tr", "az": lowered = text.lowercased(with: Locale(identifier: language.language))
        default: lowered = text.lowercased()
        }
        for scalar in lowered.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
