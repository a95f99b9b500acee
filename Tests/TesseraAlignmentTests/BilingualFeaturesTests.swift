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

    /// The switch on a single scalar classifies every scalar of the BMP's first blocks as the
    /// string comparison does (canonical equivalence included: U+037E is ";").
    @Test func punctuationClass_scalarSwitchEqualsStringComparison() {
        for value in 0..<0x3100 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(scalar)
            #expect(BilingualFeatures.punctuationClass(text) == BilingualFeatures.punctuationClassComparingStrings(text),
                    "U+\(String(value, radix: 16))")
        }
        #expect(BilingualFeatures.punctuationClass("?\u{301}") == BilingualFeatures.punctuationClassComparingStrings("?\u{301}"))
    }

    @Test(arguments: ["expédition", "zürich", "çalışmalar", "straße", "e\u{301}te", "ǆungla", "ﬁn", "ørsted", "ŀlibre", "plain"])
    func latinFolded_equalsRemovingDiacritics(_ token: String) {
        if let folded = BilingualFeatures.latinFolded(token) {
            #expect(folded == TextNormalizer.removeDiacritics(token))
        }
        #expect(BilingualFeatures.latinFolded("expédition") != nil)  // the fast path is taken
    }

    @Test func latinFolding_equalsRemovingDiacriticsScalarByScalar() {
        for (offset, folded) in BilingualFeatures.latinFolding.enumerated() {
            guard let folded, let scalar = Unicode.Scalar(BilingualFeatures.latinFoldingFirst + UInt32(offset)) else { continue }
            #expect(folded == TextNormalizer.removeDiacritics(String(scalar)))
            #expect(BilingualFeatures.latinFolded("a" + String(scalar) + "z") == TextNormalizer.removeDiacritics("a" + String(scalar) + "z"))
        }
    }

    /// Every scalar of the Basic Multilingual Plane (where all White_Space code points are) and
    /// every 11th above it.
    @Test func isWhitespace_equalsTheUnicodeProperty() {
        for value in Array(UInt32(0)..<0x10000) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: 11)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if BilingualFeatures.isWhitespace(value) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16))")
            }
        }
    }

    /// The ASCII fast paths of the number keys and the digit test rely on 0-9 being the only
    /// ASCII scalars with a numeric type.
    @Test func asciiNumericScalars_areTheDigits() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect((scalar.properties.numericType != nil) == (value >= 0x30 && value <= 0x39), "U+\(String(value, radix: 16))")
        }
    }
}
