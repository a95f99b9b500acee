import Testing
import TesseraCore
@testable import TesseraText

struct TokenizerTests {
    @Test(arguments: [
        ("NATO's 2% target, 3,5 Mrd.", "en", ["nato's", "2", "%", "target", ",", "3,5", "mrd", "."]),
        ("l'OTAN et l’UE", "fr", ["l'", "otan", "et", "l’", "ue"]),
        ("capability-targets", "en", ["capability", "-", "targets"]),
        ("F-35 and 5G", "en", ["f", "-", "35", "and", "5g"]),
        ("北大西洋条約機構", "ja", ["北", "大", "西", "洋", "条", "約", "機", "構"]),
        ("NATOの首脳会議", "ja", ["nato", "の", "首", "脳", "会", "議"]),
        ("1.000.000 €", "de", ["1.000.000", "€"]),
        ("", "en", []),
    ])
    func tokens_splitsWordsNumbersAndCharacters(input: String, language: String, expected: [String]) {
        #expect(Tokenizer.tokens(in: input, language: LanguageTag(language)).map(\.text) == expected)
    }

    @Test func tokens_reportUTF16Ranges() {
        let text = "😀 Kallas said"
        let tokens = Tokenizer.tokens(in: text, language: LanguageTag("en"))
        #expect(tokens.map(\.range) == [0..<2, 3..<9, 10..<14])
        #expect(tokens[1].kind == .word && tokens[0].kind == .punctuation)
    }

    @Test func words_dropsPunctuationAndFoldsTurkish() {
        #expect(Tokenizer.words(in: "İSTANBUL, Ankara!", language: LanguageTag("tr")) == ["istanbul", "ankara"])
    }

    @Test func tokens_composeCanonicallyEqualWordsToTheSameBytes() {
        let decomposed = Tokenizer.words(in: "Cafe\u{301} Gu\u{308}ltig", language: LanguageTag("fr"))
        let composed = Tokenizer.words(in: "café gültig", language: LanguageTag("fr"))
        #expect(decomposed.map { Array($0.utf8) } == composed.map { Array($0.utf8) })
        #expect(Array(decomposed[0].utf8) == Array("caf\u{E9}".utf8))
    }

    @Test func forEachToken_givesTheBytesOfTokens() {
        let text = "NATO's 2% target, Ｎｏ．１ İstanbul 日本"
        var seen: [Token] = []
        Tokenizer.forEachToken(in: text, language: LanguageTag("en")) { bytes, kind, range in
            seen.append(Token(text: String(decoding: bytes, as: UTF8.self), kind: kind, range: range))
        }
        #expect(seen == Tokenizer.tokens(in: text, language: LanguageTag("en")))
        #expect(seen.count > 8)
    }

    /// ASCII text takes a path without decoding: its tokens must be those of the general path
    /// (forced here by a non-ASCII word appended at the end).
    @Test(arguments: [
        ("NATO's 2% target, 3,5 bn. F-35 5G 2nd", "en"), ("l'OTAN d'abord aujourd'hui", "fr"),
        ("ISTANBUL Isparta\tI\r\nx_y  __ 1.000.000,50 'quoted'", "tr"), ("", "de"), ("...", "en"),
    ])
    func forEachToken_readsASCIILikeAnyText(text: String, language: String) {
        let tag = LanguageTag(language)
        let ascii = Tokenizer.tokens(in: text, language: tag)
        let general = Tokenizer.tokens(in: text + " é", language: tag)
        #expect(ascii == Array(general.dropLast()))
        #expect(general.last?.text == "é")
    }
}
