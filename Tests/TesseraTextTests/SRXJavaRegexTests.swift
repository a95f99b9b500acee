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
        // A `}` that closes no quantifier is a literal in Java; ICU wants it escaped.
        (#"<0}"#, #"<0\}"#),
        (#"(?<=a)}b}"#, #"(?<=a)\}b\}"#),
        (#"x{2}}"#, #"x{2}\}"#),
        (#"x{2,}y{1,3}"#, #"x{2,}y{1,3}"#),
        (#"\x{41}}\p{Lu}}"#, #"\x{41}\}\p{Lu}\}"#),
        (#"\}[}][^}a][a[b]}]\Q}\E"#, #"\}[}][^}a][a[b]}]\Q}\E"#),
        (#"[]}]}"#, #"[\]}]\}"#),
        (#"[^]a]"#, #"[^\]a]"#),
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
        (#"<0}"#, "<0}", true),
        (#"\d{1,2}}"#, "12}", true),
        (#"[]}]+}"#, "]}}", true),
    ])
    func translate_compilesAndMatchesLikeJava(java: String, input: String, matches: Bool) throws {
        let expression = try NSRegularExpression(pattern: "^(?:" + JavaRegex.translate(java) + ")$")
        let found = expression.firstMatch(in: input, range: NSRange(location: 0, length: input.utf16.count)) != nil
        #expect(found == matches)
    }

    /// Java rejects a `{` that starts no valid quantifier ("Illegal repetition"); so do we, when
    /// the rule is compiled, rather than guess what the author meant.
    @Test(arguments: [#"a{"#, #"{x}"#, #"a{x}"#, #"x{,3}"#])
    func translate_leavesIllegalRepetitionsToFail(java: String) {
        #expect(throws: (any Error).self) { try NSRegularExpression(pattern: JavaRegex.translate(java)) }
    }
}
