import Testing
import TesseraCore
@testable import TesseraText

struct StemmerTests {
    /// Folds like the glossary does (case with the language's rules, diacritics removed), then stems.
    static func key(_ word: String, _ language: String) -> String {
        let tag = LanguageTag(language)!
        let folded = TextNormalizer.fold(word, language: tag, options: [.collapseWhitespace, .removeDiacritics])
        return StemmerCatalog.stemmer(for: tag)!.stem(folded)
    }

    @Test(arguments: [
        ("en", "targets", "target"), ("en", "sanctions", "sanction"), ("en", "policies", "policy"),
        ("en", "capabilities", "capability"), ("en", "NATO's", "NATO"), ("en", "boxes", "box"),
        ("en", "targeted", "target"), ("en", "planning", "plan"), ("en", "spendings", "spending"),
        ("de", "Ziele", "Ziel"), ("de", "Verteidigungsausgaben", "Verteidigungsausgabe"), ("de", "Zielen", "Ziel"),
        ("de", "Hauses", "Haus"), ("de", "Kindern", "Kind"), ("de", "Sanktionen", "Sanktion"), ("de", "Maße", "Masse"),
        ("fr", "garanties", "garantie"), ("fr", "généraux", "général"), ("fr", "armées", "armée"), ("fr", "cibles", "cible"),
        ("es", "sanciones", "sanción"), ("es", "capacidades", "capacidad"), ("es", "luces", "luz"), ("es", "objetivos", "objetivo"),
        ("it", "sanzioni", "sanzione"), ("it", "banche", "banca"), ("it", "obiettivi", "obiettivo"),
        ("tr", "hedefleri", "hedef"), ("tr", "yaptırımlar", "yaptırım"), ("tr", "yaptırımları", "yaptırım"),
        ("tr", "hedefe", "hedef"), ("tr", "ülkeler", "ülke"), ("tr", "savunması", "savunma"),
        // A compound-noun head carries the possessive -(s)I; case suffixes then take the buffer n.
        ("tr", "sanayiinde", "sanayii"), ("tr", "sanayiine", "sanayii"), ("tr", "sanayiinden", "sanayii"),
        ("tr", "sanayiinin", "sanayii"), ("tr", "sanayiini", "sanayii"), ("tr", "bütçesinde", "bütçesi"),
        ("tr", "bakanlığından", "bakanlığı"), ("tr", "harcamasına", "harcaması"),
    ])
    func stem_mapsInflectionToBaseForm(language: String, inflected: String, base: String) {
        #expect(Self.key(inflected, language) == Self.key(base, language))
    }

    @Test(arguments: [
        ("en", "target", "tariff"), ("en", "sanction", "section"), ("de", "Ziel", "Zahl"), ("de", "Haus", "Hase"),
        ("fr", "garantie", "garage"), ("tr", "hedef", "hedge"), ("es", "sancion", "sano"), ("it", "sanzione", "sanità"),
    ])
    func stem_keepsUnrelatedWordsApart(language: String, lhs: String, rhs: String) {
        #expect(Self.key(lhs, language) != Self.key(rhs, language))
    }

    @Test(arguments: ["a", "is", "us", "ab", "bus"])
    func stem_leavesShortWordsAlone(word: String) {
        #expect(EnglishStemmer().stem(word) == word)
    }

    @Test func stemmer_isNilForLanguagesWithout() {
        #expect(StemmerCatalog.stemmer(for: LanguageTag("fi")) == nil)
        #expect(StemmerCatalog.stemmer(for: nil) == nil)
        #expect(StemmerCatalog.stemmer(for: LanguageTag("de-CH")) != nil)
    }

    @Test(arguments: [
        ("tavoitteet", "tavoite", true), ("kirja", "kirjat", true), ("tavoite", "talo", false), ("ab", "ab", false),
    ])
    func sharesHalfPrefix_matchesLongCommonPrefix(lhs: String, rhs: String, expected: Bool) {
        #expect(StemmerCatalog.sharesHalfPrefix(lhs, rhs) == expected)
    }
}
