import Foundation
import Testing
import TesseraCore
import TesseraText
@testable import TesseraAlignment

struct BilingualFeaturesTests {
    @Test(arguments: ["Der Gipfel liegt auf 8848 m.", "L’expédition a quitté Zermatt à l’aube.", "Çalışmalar İstanbul’da sürüyor."])
    func features_equalTokenisingWithDiacriticFolding(_ text: String) {
        let language = LanguageTag(text.contains("Çal") ? "tr" : "fr")
        var keys: [String: Int32] = [:]
        var words = BilingualFeatures.Vocabulary()
        var cache: [String: String] = [:]
        _ = BilingualFeatures.features(of: text, language: language, keys: &keys, words: &words, folded: &cache)
        let expected = TesseraText.Tokenizer.tokens(in: text, language: language, foldDiacritics: true)
            .filter { $0.kind != .punctuation }.map { $0.text.hasSuffix("'") || $0.text.hasSuffix("\u{2019}") ? String($0.text.dropLast()) : $0.text }
        var seen = Set<String>()
        #expect(words.words == expected.filter { seen.insert($0).inserted })
        #expect(BilingualFeatures.nonSpaceLength(text) == text.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
    }
}
