import Testing
import TesseraCore
@testable import TesseraText

struct TextNormalizerTests {
    @Test(arguments: [
        ("İSTANBUL", "tr", "istanbul"),
        ("ISPARTA", "tr", "ısparta"),
        ("ISPARTA", "en", "isparta"),
        ("İstanbul", "en", "istanbul"),
        ("Ｎｏ．１", "ja", "no.1"),
        ("  a \t b\u{00A0}\u{3000}c \n", "en", "a b c"),
        ("Straße", "de", "straße"),
        ("ÉTÉ", "fr", "été"),
    ])
    func fold_appliesLanguageCaseRules(input: String, language: String, expected: String) {
        #expect(TextNormalizer.fold(input, language: LanguageTag(language)) == expected)
    }

    /// The one exact-match key (the rows of the removed `TranslationMemory.normalizedKey`, which
    /// skipped NFC and U+200B and left `İ` as `i̇` outside Turkish, plus those cases).
    @Test(arguments: [
        ("  Hello\tWORLD \n", "en", "hello world"),
        ("İSTANBUL Irmak", "tr", "istanbul ırmak"),
        ("ISTANBUL", "en", "istanbul"),
        ("ISTANBUL Irmak", "tr", "ıstanbul ırmak"),
        ("Plain  ASCII\r\n text", "tr", "plain ascıı text"),
        ("Ünïcode\u{3000}Space", "de", "ünïcode space"),
        ("", "fr", ""),
        ("e\u{0301}te\u{0301}", "fr", "été"),
        ("zero\u{200B}width\u{200B}", "en", "zero width"),
        ("İstanbul", "de", "istanbul"),
        ("ÉCOLE  Straße\u{00A0}ΣΟΦΙΑ", "de", "école straße σοφια"),
    ])
    func matchKey_isTheOneExactMatchKey(input: String, language: String, expected: String) {
        #expect(TextNormalizer.matchKey(input, language: LanguageTag(language)) == expected)
        #expect(TextNormalizer.matchKey(input, language: LanguageTag(language)) == TextNormalizer.fold(input, language: LanguageTag(language)))
    }

    @Test func fold_composesDecomposedInput() {
        #expect(TextNormalizer.fold("e\u{0301}te\u{0301}", language: LanguageTag("fr")) == "été")
    }

    @Test(arguments: [("Élysée", "elysee"), ("Kraków", "krakow"), ("ılık", "ılık"), ("Łódź", "łodz")])
    func fold_removesDiacriticsOnRequest(input: String, expected: String) {
        #expect(TextNormalizer.fold(input, language: nil, options: [.removeDiacritics, .collapseWhitespace]) == expected)
    }

    /// The fast path for scalars that lower-casing leaves alone gives the bytes of the full mapping.
    @Test func appendFolded_givesTheLowercaseMappingOfEveryScalar() {
        var checked = 0
        for value in 0x00A1...0x2FFF {
            guard let scalar = Unicode.Scalar(value), value != 0x0130, value != 0x00A0, value != 0x202F else { continue }
            var bytes: [UInt8] = []
            TextNormalizer.appendFolded(scalar, turkic: false, into: &bytes)
            #expect(bytes == Array(scalar.properties.lowercaseMapping.utf8), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 11_000)
    }
}
