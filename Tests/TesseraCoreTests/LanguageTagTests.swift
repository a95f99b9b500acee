import Testing
@testable import TesseraCore

struct LanguageTagTests {
    @Test(arguments: [
        ("en-us", "en-US"), ("EN_US", "en-US"), ("En-uS", "en-US"), ("fr-ca", "fr-CA"),
        ("zh-hant-tw", "zh-Hant-TW"), ("sr_latn", "sr-Latn"), ("es-419", "es-419"), ("*all*", "*all*"),
        ("DE-DE", "de-DE"), ("x-klingon", "x-klingon"), ("de-CH-1996", "de-CH-1996"),
    ])
    func init_canonicalisesCase(input: String, expected: String) {
        #expect(LanguageTag(input)?.description == expected)
    }

    @Test(arguments: ["", " ", "en--us", "e n", "12-us", "en-toolongsubtag"])
    func init_rejectsMalformed(input: String) {
        #expect(LanguageTag(input) == nil)
    }

    @Test func fallbackRank_prefersExactThenBaseThenSibling() {
        let deCH = LanguageTag("de-CH")!
        #expect(deCH.fallbackRank(of: LanguageTag("de-CH")!) == 3)
        #expect(deCH.fallbackRank(of: LanguageTag("de")!) == 2)
        #expect(deCH.fallbackRank(of: LanguageTag("de-AT")!) == 1)
        #expect(deCH.fallbackRank(of: LanguageTag("fr-CH")!) == nil)
        #expect(LanguageTag("de")!.fallbackRank(of: LanguageTag("de-DE")!) == 2)
    }

    @Test func region_readsTwoLetterAndNumericRegions() {
        #expect(LanguageTag("zh-Hant-TW")?.region == "TW")
        #expect(LanguageTag("es-419")?.region == "419")
        #expect(LanguageTag("sr-Latn")?.region == nil)
    }

    @Test(arguments: [("zh-Hant", true), ("ja", true), ("ko-KR", true), ("th", true), ("yue", true), ("en-US", false), ("de", false), ("vi", false)])
    func isWrittenWithoutSpaces_followsTheUnspacedLanguageList(_ code: String, _ unspaced: Bool) throws {
        let tag = try #require(LanguageTag(code))
        #expect(tag.isWrittenWithoutSpaces == unspaced)
        #expect(LanguageTag.unspacedLanguages.contains(tag.language) == unspaced)
    }
}
