package import TesseraCore

/// Language codes as translation tools write them (gettext/POSIX style: `pt_br`, `pt_BR`,
/// `sr@latin`, `ca@valencia`; or BCP 47: `pt-BR`, `sr-Latn`) mapped to a BCP 47 ``LanguageTag``,
/// in this one place for every route.
///
/// ```swift
/// ClientLanguage.tag("pt_br")      // pt-BR
/// ClientLanguage.tag("sr@latin")   // sr-Latn
/// ClientLanguage.tag("sr_RS@latin")// sr-Latn-RS
/// ClientLanguage.tag("en US")      // nil
/// ```
package enum ClientLanguage {
    /// POSIX locale modifiers (`@...`) that name a script, and the script subtag they stand for.
    static let scriptModifiers: [String: String] = [
        "latin": "Latn", "cyrillic": "Cyrl", "arabic": "Arab", "devanagari": "Deva", "hebrew": "Hebr",
        "greek": "Grek", "adlam": "Adlm", "hant": "Hant", "hans": "Hans",
    ]
    /// POSIX locale modifiers that name a variant (a registered BCP 47 variant subtag).
    static let variantModifiers: Set<String> = ["valencia"]

    /// The tag for `code`, or `nil` when it is not a language code (empty, spaces, an unknown
    /// `@modifier`, a first subtag that is not 2–3 letters).
    package static func tag(_ code: String) -> LanguageTag? {
        let parts = code.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        var subtags = parts[0].split(separator: "_", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "-", omittingEmptySubsequences: false) }.map(String.init)
        guard let language = subtags.first, (2...3).contains(language.count),
            language.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
        else { return nil }
        if parts.count == 2 {
            let modifier = parts[1].lowercased()
            if let script = scriptModifiers[modifier] {
                guard !subtags.dropFirst().contains(where: { $0.count == 4 }) else { return nil }
                subtags.insert(script, at: 1)
            } else if variantModifiers.contains(modifier) {
                subtags.append(modifier)
            } else {
                return nil
            }
        }
        return LanguageTag(subtags.joined(separator: "-"))
    }
}
