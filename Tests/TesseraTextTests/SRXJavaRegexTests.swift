import Foundation
import Testing
@testable import TesseraText

struct JavaRegexTests {
    @Test(arguments: [
        (#"\p{javaUpperCase}\."#, #"[\p{Uppercase}]\."#),
        (#"\p{IsAlphabetic}+"#, #"\p{Alphabetic}+"#),
        (#"\p{IsLatin}"#, #"\p{Latin}"#),
        (#"\p{InGreek}"#, #"\p{Block=Greek}"#),
        (#"\pL\pN"#, #"\p{L}\p{N}"#),
        (#"\P{Lower}"#, #"[^a-z]"#),
        (#"[\p{Upper}\d]"#, #"[[A-Z]\d]"#),
        (#"\Q\p{Lu}.\E\p{Lu}"#, #"\Q\p{Lu}.\E\p{Lu}"#),
        (#"a++b*+\u00e9\x41"#, #"a++b*+\u00e9\x41"#),
        (#"trailing\"#, #"trailing\"#),
        (#"(?iu)abc"#, #"(?i)abc"#),
        (#"(?u)abc"#, #"abc"#),
        (#"(?iu:ab)c"#, #"(?i:ab)c"#),
        (#"(?u:ab)"#, #"(?:ab)"#),
        (#"(?:ab)(?=c)(?<!d)"#, #"(?:ab)(?=c)(?<!d)"#),
        (#"\p{unclosed"#, #"\p{unclosed"#),
    ])
    func translate_rewritesJavaOnlySyntax(java: String, icu: String) {
        #expect(JavaRegex.translate(java) == icu)
    }

    @Test(arguments: [
        (#"\p{javaLowerCase}+"#, "straße", true),
        (#"\p{javaUpperCase}"#, "İ", true),
        (#"\p{IsAlphabetic}+"#, "Привет", true),
        (#"\p{IsLatin}+"#, "Привет", false),
        (#"\p{InGreek}+"#, "αβγ", true),
        (#"\p{Lower}+"#, "é", false),
        (#"\p{javaWhitespace}"#, "\u{2003}", true),
        (#"\w++\."#, "abc.", true),
        (#"\Q.*\E"#, ".*", true),
        (#"\Q.*\E"#, "ab", false),
        (#"\u3002"#, "。", true),
        (#"\p{IsPunctuation}"#, "«", true),
        (#"\p{IsWhite_Space}"#, "\u{3000}", true),
        (#"\p{IsDigit}+"#, "٣4", true),
        (#"\p{IsLl}"#, "ж", true),
        (#"\p{InCJKSymbolsAndPunctuation}"#, "。", true),
        (#"[\p{Punct}&&[^.]]"#, ".", false),
        // A known difference: ICU folds ß to ss under (?i); Java does not.
        (#"(?iu)straße"#, "STRASSE", true),
        (#"(?iu)été"#, "ÉTÉ", true),
    ])
    func translate_compilesAndMatchesLikeJava(java: String, input: String, matches: Bool) throws {
        let expression = try NSRegularExpression(pattern: "^(?:" + JavaRegex.translate(java) + ")$")
        let found = expression.firstMatch(in: input, range: NSRange(location: 0, length: input.utf16.count)) != nil
        #expect(found == matches)
    }
}
