import ArgumentParser
import Testing
import TesseraCore
@testable import tessera

struct TargetLanguagesTests {
    @Test(arguments: [
        ("de", ["de"]), ("de,fr-CA", ["de", "fr-CA"]), (" de , fr ", ["de", "fr"]), ("de,,fr,", ["de", "fr"]),
        ("*", ["*all*"]), ("de,*", ["de", "*all*"]), ("", []),
    ])
    func tags_parsesCommaSeparatedTagsInOrder(_ text: String, _ expected: [String]) throws {
        #expect(try TargetLanguages.tags(text).map(\.description) == expected)
    }

    @Test(arguments: ["de,fr_CA!", "-", "de,**"])
    func tags_rejectsAnItemThatIsNotALanguageTag(_ text: String) {
        #expect(throws: ValidationError.self) { try TargetLanguages.tags(text) }
    }

    @Test(arguments: [("*", nil), ("de,*", nil), ("de,fr", ["de", "fr"])] as [(String, [String]?)])
    func tagsOrEvery_turnsTheWildcardIntoEveryLanguage(_ text: String, _ expected: [String]?) throws {
        #expect(try TargetLanguages.tagsOrEvery(text)?.map(\.description) == expected)
    }

    @Test(arguments: ["", " , "])
    func tagsOrEvery_rejectsAnEmptyList(_ text: String) {
        #expect(throws: ValidationError.self) { try TargetLanguages.tagsOrEvery(text) }
    }

    /// Every command with `--target` reads it through ``TargetLanguages``: the same list gives the
    /// same tags (spaces after commas accepted everywhere).
    @Test func commands_parseTargetTheSameWay() throws {
        let expected = [LanguageTag("de")!, LanguageTag("fr")!]
        let term = try TermCommand.parse(["capability", "--source", "en", "--target", "de, fr"])
        #expect(term.options.languages.targetTags == expected)
        let export = try ExportCommand.parse(["out.tmx", "--target", "de, fr"])
        #expect(export.targetTags == expected)
        let align = try AlignCommand.parse(["a.en", "a.de", "a.fr", "--source", "en", "--target", "de, fr"])
        #expect(align.parsedTargetLanguages == expected)
        #expect(try CheckCommand.parse(["--source", "en", "--target", " de "]).targetTag == LanguageTag("de")!)
        // `*` is every language for term commands as for lookup (it was refused as "not a language tag").
        let every = try TermCommand.parse(["capability", "--source", "en", "--target", "*"])
        #expect(every.options.languages.targetTags.isEmpty)
        #expect(throws: (any Error).self) { try AlignCommand.parse(["a.en", "a.de", "--source", "en", "--target", "*"]) }
    }
}
