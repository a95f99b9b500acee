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
        let lowered: String
        switch language.language {
        case "tr", "az": lowered = text.lowercased(with: Locale(identifier: language.language))
        default: lowered = text.lowercased()
        }
        var out = ""
        out.reserveCapacity(lowered.utf8.count)
        var pendingSpace = false
        for character in lowered {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }
}
