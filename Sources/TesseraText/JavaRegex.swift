/// Translates the Java regular-expression syntax of SRX files into ICU syntax
/// (`NSRegularExpression`).
///
/// ICU already shares most of Java's syntax: possessive quantifiers (`a++`), `\Q…\E` quoting,
/// `\uXXXX` and `\x{…}` escapes, `&&` class intersection, `\p{Lu}`-style categories, bounded
/// look-behind. What differs and is rewritten here:
///
/// | Java | ICU |
/// |---|---|
/// | `\pL` (one-letter category) | `\p{L}` |
/// | `\p{IsAlphabetic}`, `\p{IsLatin}`, `\p{IsLu}` (`Is` prefix) | `\p{Alphabetic}`, `\p{Latin}`, `\p{Lu}` |
/// | `\p{InGreek}` (block) | `\p{Block=Greek}` |
/// | `\p{javaUpperCase}`, `\p{javaLowerCase}` | `\p{Uppercase}`, `\p{Lowercase}` |
/// | `\p{javaLetter}`, `\p{javaDigit}`, `\p{javaLetterOrDigit}`, `\p{javaAlphabetic}` | `\p{L}`, `\p{Nd}`, `[\p{L}\p{Nd}]`, `\p{Alphabetic}` |
/// | `\p{javaWhitespace}`, `\p{javaSpaceChar}` | `[\t\n\x0B\f\r\x1C-\x1F\p{Z}]`, `\p{Z}` |
/// | POSIX names `\p{Lower}`, `\p{Upper}`, `\p{Alpha}`, `\p{Digit}`, `\p{Alnum}`, `\p{Punct}`, `\p{Space}`, `\p{XDigit}`, `\p{Blank}`, `\p{Cntrl}`, `\p{ASCII}`, `\p{Graph}`, `\p{Print}` (ASCII only in Java) | the ASCII sets, e.g. `[a-z]` |
///
/// Braces and brackets that Java reads as literals are escaped: a `}` that closes no quantifier
/// (Okapi rules hold `<0}`), a `]` outside a class or first in one (`[]a]`). A `{` that starts no
/// valid quantifier is left alone: Java rejects it ("Illegal repetition"), and ICU does too when
/// the rule is compiled.
///
/// Inline flags `(?u)`, `(?U)` and `(?d)` (also inside groups such as `(?iu:`) are dropped: ICU
/// case-insensitive matching is already Unicode-aware. One difference remains and is not
/// rewritten: ICU uses full case folding under `(?i)`, so `straße` matches `STRASSE`, which Java
/// does not.
///
/// `\P{…}` negates each of these. Text inside `\Q…\E` is copied untouched. Anything else is passed
/// through, so a pattern ICU does not understand fails when compiled, not here.
///
/// ```swift
/// JavaRegex.translate(#"\p{javaUpperCase}\.\s\p{IsAlphabetic}"#)
/// // "\p{Uppercase}\.\s\p{Alphabetic}"
/// ```
///
/// - Complexity: O(n) in the pattern length.
/// - SeeAlso: [java.util.regex.Pattern](https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html),
///   [ICU regular expressions](https://unicode-org.github.io/icu/userguide/strings/regexp.html)
package enum JavaRegex {
    /// ASCII-only POSIX classes of Java, as ICU sets (content without brackets).
    static let posixClasses: [String: String] = [
        "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x00-\\x7F", "Alpha": "a-zA-Z", "Digit": "0-9",
        "Alnum": "a-zA-Z0-9", "Punct": "!-/:-@\\[-`{-~", "Graph": "!-~", "Print": " -~",
        "Blank": " \\t", "Cntrl": "\\x00-\\x1F\\x7F", "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x0B\\f\\r",
    ]

    /// Java `java.lang.Character` classes, as ICU sets (content without brackets).
    static let javaClasses: [String: String] = [
        "javaLowerCase": "\\p{Lowercase}", "javaUpperCase": "\\p{Uppercase}",
        "javaLetter": "\\p{L}", "javaDigit": "\\p{Nd}", "javaLetterOrDigit": "\\p{L}\\p{Nd}",
        "javaAlphabetic": "\\p{Alphabetic}", "javaWhitespace": "\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\p{Z}",
        "javaSpaceChar": "\\p{Z}", "javaTitleCase": "\\p{Lt}", "javaIdeographic": "\\p{Ideographic}",
        "javaMirrored": "\\p{Bidi_Mirrored}", "javaDefined": "\\P{Cn}",
        "javaISOControl": "\\x00-\\x1F\\x7F-\\x9F",
    ]

    /// Translates a Java pattern to ICU syntax (see the table above).
    /// - Parameter pattern: A regular expression as written in an SRX file.
    /// - Returns: The equivalent ICU pattern.
    /// - Complexity: O(n) in the length of `pattern`.
    package static func translate(_ pattern: String) -> String {
        let chars = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func append(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
        // Nesting depth of character classes (Java nests `[a[b]]`); braces and brackets are
        // literals inside a class in both dialects.
        var classDepth = 0
        while index < chars.count {
            let scalar = chars[index]
            if scalar != "\\" {
                if let literal = braceOrBracket(chars, at: index, classDepth: &classDepth) {
                    append(literal.text)
                    index = literal.end
                    continue
                }
            }
            if classDepth == 0, scalar == "(", index + 2 < chars.count, chars[index + 1] == "?",
                let flags = inlineFlags(chars, from: index + 2)
            {
                // Java-only flags: d (UNIX_LINES), u (UNICODE_CASE), U (UNICODE_CHARACTER_CLASS).
                // ICU case folding is Unicode already; d and U have no ICU equivalent and are dropped.
                let kept = flags.letters.filter { !"duU".unicodeScalars.contains($0) }
                let body = String(String.UnicodeScalarView(kept))
                let terminator = chars[flags.end]
                if terminator == ")" {
                    if !body.isEmpty && body != "-" { append("(?\(body))") }
                } else {
                    append("(?\(body == "-" ? "" : body):")
                }
                index = flags.end + 1
                continue
            }
            guard scalar == "\\", index + 1 < chars.count else {
                out.append(scalar)
                index += 1
                continue
            }
            let next = chars[index + 1]
            switch next {
            case "Q":
                // Copy \Q...\E verbatim (ICU supports it).
                var end = index + 2
                while end < chars.count, !(chars[end] == "\\" && end + 1 < chars.count && chars[end + 1] == "E") { end += 1 }
                let stop = min(end + 2, chars.count)
                out.append(contentsOf: chars[index..<stop])
                index = stop
            case "x" where index + 2 < chars.count && chars[index + 2] == "{",
                 "N" where index + 2 < chars.count && chars[index + 2] == "{":
                // `\x{1F600}`, `\N{name}`: the braces belong to the escape.
                var end = index + 3
                while end < chars.count, chars[end] != "}" { end += 1 }
                let stop = min(end + 1, chars.count)
                out.append(contentsOf: chars[index..<stop])
                index = stop
            case "p", "P":
                let negated = next == "P"
                if index + 2 < chars.count, chars[index + 2] == "{" {
                    var end = index + 3
                    while end < chars.count, chars[end] != "}" { end += 1 }
                    guard end < chars.count else {
                        out.append(contentsOf: chars[index...])
                        index = chars.count
                        continue
                    }
                    let name = String(String.UnicodeScalarView(chars[(index + 3)..<end]))
                    append(property(name, negated: negated))
                    index = end + 1
                } else if index + 2 < chars.count {
                    append(property(String(chars[index + 2]), negated: negated))
                    index += 3
                } else {
                    out.append(contentsOf: chars[index...])
                    index = chars.count
                }
            default:
                out.append(scalar)
                out.append(next)
                index += 2
            }
        }
        return String(out)
    }

    /// Java's reading of a brace or bracket at `index`, in ICU syntax, and the index after it;
    /// `nil` when the scalar there is none of them. Updates the class depth.
    ///
    /// - `{n}`, `{n,}`, `{n,m}` outside a class: a quantifier, copied. Any other `{` is copied too:
    ///   Java rejects it ("Illegal repetition") and so does ICU when the rule is compiled.
    /// - `}` outside a class closes nothing: a literal in Java, escaped for ICU (`<0}` -> `<0\}`).
    /// - `]` first in a class (`[]a]`, `[^]a]`) or outside any class: a literal, escaped.
    static func braceOrBracket(_ chars: [Unicode.Scalar], at index: Int, classDepth: inout Int) -> (text: String, end: Int)? {
        switch chars[index] {
        case "[":
            var end = index + 1
            if end < chars.count, chars[end] == "^" { end += 1 }
            classDepth += 1
            var text = String(String.UnicodeScalarView(chars[index..<end]))
            if end < chars.count, chars[end] == "]" {
                text += "\\]"
                end += 1
            }
            return (text, end)
        case "]":
            if classDepth == 0 { return ("\\]", index + 1) }
            classDepth -= 1
            return ("]", index + 1)
        case "{" where classDepth == 0:
            var end = index + 1
            let digitsStart = end
            while end < chars.count, ("0"..."9").contains(chars[end]) { end += 1 }
            if end > digitsStart, end < chars.count, chars[end] == "," {
                end += 1
                while end < chars.count, ("0"..."9").contains(chars[end]) { end += 1 }
            }
            guard end > digitsStart, end < chars.count, chars[end] == "}" else { return ("{", index + 1) }
            return (String(String.UnicodeScalarView(chars[index...end])), end + 1)
        case "}" where classDepth == 0:
            return ("\\}", index + 1)
        default:
            return nil
        }
    }

    /// The letters of an inline flag group `(?flags)` or `(?flags:` starting at `start` (just after
    /// `(?`), and the index of its `)` or `:`; `nil` when it is not a flag group.
    static func inlineFlags(_ chars: [Unicode.Scalar], from start: Int) -> (letters: [Unicode.Scalar], end: Int)? {
        var end = start
        while end < chars.count, "idmsuxU-".unicodeScalars.contains(chars[end]) { end += 1 }
        guard end > start, end < chars.count, chars[end] == ")" || chars[end] == ":" else { return nil }
        return (Array(chars[start..<end]), end)
    }

    /// The ICU form of `\p{name}` (or `\P{name}` when `negated`).
    static func property(_ name: String, negated: Bool) -> String {
        let letter = negated ? "P" : "p"
        if let set = posixClasses[name] ?? javaClasses[name] {
            return negated ? "[^\(set)]" : "[\(set)]"
        }
        if name.hasPrefix("Is"), name.count > 2 {
            return "\\\(letter){\(name.dropFirst(2))}"
        }
        if name.hasPrefix("In"), name.count > 2 {
            return "\\\(letter){Block=\(name.dropFirst(2))}"
        }
        return "\\\(letter){\(name)}"
    }
}
