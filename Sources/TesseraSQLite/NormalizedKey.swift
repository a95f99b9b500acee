import Foundation
public import TesseraCore

extension SQLiteTranslationStore {
    /// A normalized key for exact matching (no longer stored: nothing read `variant.key`): the plain text lower-cased (Turkish and Azeri rules for
    /// `tr` and `az`, so that `İ` becomes `i` and `I` becomes `ı`), runs of whitespace collapsed to
    /// one space, leading and trailing whitespace removed.
    ///
    /// ```swift
    /// SQLiteTranslationStore.normalizedKey("  Hello\tWORLD ", language: LanguageTag("en")!)  // "hello world"
    /// ```
    ///
    /// - Parameters:
    ///   - text: the plain text of a segment.
    ///   - language: the language of the text.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func normalizedKey(_ text: String, language: LanguageTag) -> String {
        normalizedKey(text, base: language.language)
    }

    /// ``normalizedKey(_:language:)`` with the primary language subtag already split off.
    static func normalizedKey(_ text: String, base: String) -> String {
        // Turkic casing (I -> ı, İ -> i) needs the locale; the loop below then only collapses white
        // space, since lower-casing lower-case text changes nothing.
        let text = base == "tr" || base == "az" ? text.lowercased(with: Locale(identifier: base)) : text
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if scalar.properties.changesWhenLowercased {
                // The same per-scalar mapping as `String.lowercased()`.
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { bytes.append($0) } }
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
