import Testing
@testable import TesseraText

struct StemmerSuffixRuleTests {
    @Test(arguments: [
        ("generaux", "general"), ("maux", "mau"), ("classes", "classe"), ("stress", "stress"), ("prix", "pri"),
        ("lune", "lune"),
    ])
    func firstApplying_usesTheFirstRuleThatApplies(word: String, rewritten: String) {
        let rules = [StemmerSuffixRule("aux", "al", longerThan: 4), StemmerSuffixRule("s", "", except: ["ss"]), StemmerSuffixRule("x", "")]
        #expect(StemmerSuffixRule.firstApplying(rules, to: word) == rewritten)
    }

    /// The exact keys of the stemmers around the limits of their suffix rules (lengths, exceptions,
    /// the rule order), as the rules were before they became tables.
    @Test(arguments: [
        ("en", "policies", "polici"), ("en", "policy", "polici"), ("en", "ties", "tie"), ("en", "status", "status"),
        ("en", "analysis", "analysis"), ("en", "boxes", "box"), ("en", "glass", "glass"), ("en", "bus", "bus"),
        ("fr", "faux", "fau"), ("fr", "chevaux", "cheval"), ("fr", "classes", "class"), ("fr", "armees", "arm"),
        ("fr", "stress", "stress"),
        ("es", "luces", "luz"), ("es", "leyes", "ley"), ("es", "bambues", "bambu"), ("es", "mesas", "mes"),
        ("es", "voces", "voz"), ("es", "tres", "tre"),
        ("it", "banche", "banc"), ("it", "case", "cas"), ("it", "re", "re"),
    ])
    func stem_keepsItsKeysAtTheRuleLimits(language: String, word: String, key: String) {
        let stemmer: any Stemmer = switch language {
        case "en": EnglishStemmer()
        case "fr": FrenchStemmer()
        case "es": SpanishStemmer()
        default: ItalianStemmer()
        }
        #expect(stemmer.stem(word) == key)
    }
}
