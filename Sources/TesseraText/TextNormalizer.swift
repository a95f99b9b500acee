import Foundation
public import TesseraCore

/// Folds text for matching: canonical composition, case folding with the language's rules,
/// full-width forms to ASCII, optional diacritic removal, whitespace collapsed.
///
/// Turkish and Azerbaijani fold `I` to `ı` and `İ` to `i`; every other language folds `I` to `i`
/// and `İ` to `i` (without the combining dot that plain `lowercased()` leaves).
///
/// ```swift
/// TextNormalizer.fold("İSTANBUL", language: LanguageTag("tr"))   // "istanbul"
/// TextNormalizer.fold("ISPARTA", language: LanguageTag("tr"))    // "ısparta"
/// TextNormalizer.fold("Ｎｏ．１", language: nil)                  // "no.1"
/// ```
public enum TextNormalizer {
    /// Options for ``fold(_:language:options:)``.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        /// Creates options from a raw value.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Remove diacritics after case folding (`é` -> `e`; Turkish `ı` stays `ı`).
        public static let removeDiacritics = Options(rawValue: 1)
        /// Collapse every run of white space (incl. NBSP, U+3000, tabs, line breaks) to one space and trim.
        public static let collapseWhitespace = Options(rawValue: 2)
        /// What matching keys use: collapsed white space, diacritics kept.
        public static let matchKey: Options = [.collapseWhitespace]
    }

    /// Whether a language uses the Turkic dotted/dotless i case mapping.
    public static func usesTurkicCasing(_ language: LanguageTag?) -> Bool {
        guard let language else { return false }
        return language.language == "tr" || language.language == "az"
    }

    /// Folds `text` for comparison.
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - language: The text's language; decides the case rules (Turkic or not).
    ///   - options: Diacritic removal and white-space collapsing; default ``Options/matchKey``.
    /// - Returns: The folded text.
    /// - Complexity: O(n) in the length of `text`.
    public static func fold(_ text: String, language: LanguageTag?, options: Options = .matchKey) -> String {
        let turkic = usesTurkicCasing(language)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var sawNonSpace = false
        let isASCIIOnly = text.utf8.allSatisfy { $0 < 0x80 }
        let source = isASCIIOnly ? text : text.precomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
            if options.contains(.collapseWhitespace), scalar.properties.isWhitespace || scalar == "\u{200B}" {
                pendingSpace = sawNonSpace
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            sawNonSpace = true
            appendFolded(scalar, turkic: turkic, into: &out)
        }
        var result = String(decoding: out, as: UTF8.self)
        if options.contains(.removeDiacritics) && !isASCIIOnly {
            result = removeDiacritics(result)
        }
        return result
    }

    /// The one text key of Tessera for exact matching: ``fold(_:language:options:)`` with
    /// ``Options/matchKey``. Canonical composition (NFC, so `e` + U+0301 is `é`), the language's
    /// case rules (Turkic `I` -> `ı`, `İ` -> `i` everywhere), full-width ASCII to ASCII, and every
    /// run of white space or zero-width space (U+200B) collapsed to one space and trimmed;
    /// diacritics kept.
    ///
    /// No database stores it (the old `variant.key` column, written by a second rule that skipped
    /// NFC and U+200B, was dropped by the migration `v4: no variant.key`), so it can change without
    /// a migration; match keys are recomputed when an index is built.
    ///
    /// ```swift
    /// TextNormalizer.matchKey("  Hello\tWORLD\u{200B}! ", language: LanguageTag("en"))   // "hello world !"
    /// ```
    /// - Complexity: O(n) in the length of `text`.
    public static func matchKey(_ text: String, language: LanguageTag?) -> String {
        fold(text, language: language, options: .matchKey)
    }

    /// `text` in Unicode canonical composition (NFC).
    public static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Removes combining marks after canonical decomposition, keeping letters such as `ı`, `ł`, `ø`
    /// (which have no decomposition) as they are.
    public static func removeDiacritics(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Appends the UTF-8 bytes of the case- and width-folded form of one scalar.
    @inline(__always)
    static func appendFolded(_ scalar: Unicode.Scalar, turkic: Bool, into out: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A {
                if turkic && value == 0x49 {  // I -> ı (U+0131)
                    out.append(0xC4)
                    out.append(0xB1)
                    return
                }
                out.append(UInt8(value + 0x20))
            } else {
                out.append(UInt8(value))
            }
            return
        }
        if value == 0x0130 { out.append(0x69); return }  // İ -> i in every language
        if value == 0x3000 || value == 0x00A0 || value == 0x202F { out.append(0x20); return }
        if value >= 0xFF01 && value <= 0xFF5E {  // full-width ASCII
            appendFolded(Unicode.Scalar(value - 0xFF01 + 0x21)!, turkic: turkic, into: &out)
            return
        }
        let properties = scalar.properties
        // Most scalars are already lower case (or have no case): their own bytes, without building
        // the mapping string (for every scalar from U+0080, `changesWhenLowercased` is false exactly
        // when the lower-case mapping is the scalar itself).
        guard properties.changesWhenLowercased else {
            UTF8.encode(scalar) { out.append($0) }
            return
        }
        out.append(contentsOf: properties.lowercaseMapping.utf8)
    }
}
