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

    @Test func fold_composesDecomposedInput() {
        #expect(TextNormalizer.fold("e\u{0301}te\u{0301}", language: LanguageTag("fr")) == "été")
    }

    @Test(arguments: [("Élysée", "elysee"), ("Kraków", "krakow"), ("ılık", "ılık"), ("Łódź", "łodz")])
    func fold_removesDiacriticsOnRequest(input: String, expected: String) {
        #expect(TextNormalizer.fold(input, language: nil, options: [.removeDiacritics, .collapseWhitespace]) == expected)
    }
}
