/// A BCP 47 language tag in canonical case, such as `en-US`, `zh-Hant-TW` or `sr-Latn`.
///
/// Tags from TMX, TBX and the command line arrive in any case and sometimes with `_` for `-`
/// (`EN_us`, `fr-ca`); `LanguageTag` canonicalises them the way BCP 47 recommends
/// (RFC 5646 §2.1.1): language lower case, script title case, region upper case, the rest lower
/// case. The TMX wildcard `*all*` is kept as it is.
///
/// ```swift
/// LanguageTag("EN_us")?.description   // "en-US"
/// LanguageTag("zh-hant-tw")?.region   // "TW"
/// ```
///
/// - SeeAlso: [BCP 47](https://www.rfc-editor.org/info/bcp47)
public struct LanguageTag: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The canonical text of the tag.
    public let description: String

    /// The TMX wildcard source language `*all*` (any variant may serve as the source).
    public static let all = LanguageTag(canonical: "*all*")

    private init(canonical: String) { self.description = canonical }

    /// Parses and canonicalises a tag; returns `nil` for an empty or syntactically impossible tag
    /// (characters other than ASCII letters, digits, `-` and `_`, or an empty subtag).
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        // The TMX wildcard in any letter case (`*ALL*` is seen in the wild) is kept as `*all*`.
        if trimmed.count == 5, trimmed.lowercased() == "*all*" { self = .all; return }
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        var out: [String] = []
        var afterSingleton = false
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty, part.utf8.count <= 8,
                part.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            else { return nil }
            let lower = part.lowercased()
            if index == 0 {
                out.append(lower)
            } else if afterSingleton {
                out.append(lower)
            } else if part.count == 1 {
                afterSingleton = true
                out.append(lower)
            } else if part.count == 4, part.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }), index == 1 {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())
            } else if part.count == 2, part.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
                out.append(part.uppercased())
            } else {
                out.append(lower)
            }
        }
        guard let first = out.first, first.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) || first == "x" || first == "i"
        else { return nil }
        self.description = out.joined(separator: "-")
    }

    /// Whether the tag is the TMX wildcard `*all*`.
    public var isWildcard: Bool { description == "*all*" }

    /// The primary language subtag (`de` for `de-CH`).
    public var language: String {
        String(description.split(separator: "-", maxSplits: 1).first ?? "")
    }

    /// The base tag with only the primary language (`de-CH` -> `de`).
    public var base: LanguageTag { LanguageTag(canonical: language) }

    /// The region subtag, if any (`CH` for `de-CH`, `419` for `es-419`).
    public var region: String? {
        let parts: [Substring] = description.split(separator: "-")
        let match = parts.dropFirst().first { (part: Substring) -> Bool in
            (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber))
        }
        return match.map { String($0) }
    }

    /// Whether the primary language subtag looks like one from ISO 639 (2 or 3 letters) or a
    /// private-use or grandfathered prefix. Unknown codes are kept but reported as warnings.
    public var isWellFormed: Bool {
        if isWildcard { return true }
        let lang = language
        return (2...3).contains(lang.count) || lang == "x" || lang == "i"
    }

    /// Whether the language is written without spaces between words (Chinese, Japanese, Korean
    /// treated by characters, Thai, Lao, Khmer, Burmese), so word-level algorithms must fall back to
    /// characters.
    public var isWrittenWithoutSpaces: Bool {
        Self.unspacedLanguages.contains(language)
    }

    /// The primary languages written without spaces between words (the one list: the trigram
    /// full-text index of the storage and the character fallbacks of matching and alignment use
    /// it through ``isWrittenWithoutSpaces`` or directly). Adding a language here changes which
    /// variants the storage indexes by trigram: stored memories need a migration to re-index.
    public static let unspacedLanguages: [String] = ["zh", "ja", "ko", "th", "lo", "km", "my", "yue", "wuu"]

    /// Whether the tag has the same primary language as `other` (`de-AT` and `de-CH` do).
    public func sharesLanguage(with other: LanguageTag) -> Bool { language == other.language }

    /// How well a stored variant language answers a request for `self`, for language fallback:
    /// exact tag 3, base language asked and any regional variant stored 2 (`de` finds `de-DE`),
    /// stored base language 2 (`de-CH` finds `de`), sibling region 1 (`de-CH` finds `de-AT`),
    /// otherwise `nil`.
    public func fallbackRank(of stored: LanguageTag) -> Int? {
        if stored == self { return 3 }
        guard sharesLanguage(with: stored) else { return nil }
        if stored.description == language || description == language { return 2 }
        return 1
    }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a language tag: \(text)"))
        }
        self = tag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
