import Foundation
import Testing
import TesseraCore
@testable import TesseraText

struct SegmentationRulesTests {
    @Test(arguments: [
        (".*", ""),
        (".*\\.at", "\\.at"),
        (".*?x", "x"),
        (".*+x", ".*+x"),
        (".*|x", ".*|x"),
        ("a.*", "a.*"),
        ("", ""),
    ])
    func withoutLeadingAnyRun_dropsOnlyARedundantPrefix(before: String, expected: String) {
        #expect(SegmentationRules.withoutLeadingAnyRun(before) == expected)
    }

    @Test func init_leadingAnyRunKeepsMeaning() throws {
        let rules = try SegmentationRules(rules: [
            .init(isBreak: false, beforeBreak: ".*", afterBreak: #"\.at\b"#),
            .init(isBreak: true, beforeBreak: #"\."#, afterBreak: #"\s"#),
        ])
        let text = "Visit example.at. Then go."
        #expect(Segmenter(rules: rules).segment(text).map { String(text[$0]) } == ["Visit example.at.", "Then go."])
    }

    @Test func init_keepsRulesInOrder() throws {
        let list = BuiltinRules.ruleList(for: "de")
        let rules = try SegmentationRules(rules: list)
        #expect(rules.rules == list)
        #expect(rules.compiled.count == list.count)
    }

    @Test func builtin_unknownLanguageGetsCommonRules() {
        let rules = SegmentationRules.builtin(for: LanguageTag("sw")!)
        #expect(rules.rules == BuiltinRules.ruleList(for: ""))
        #expect(SegmentationRules.builtin(for: LanguageTag("de-CH")!).rules == BuiltinRules.ruleList(for: "de"))
    }

    @Test func emptyRules_neverBreakInsideAParagraph() throws {
        let rules = try SegmentationRules(rules: [])
        let text = "One. Two.\nThree."
        #expect(Segmenter(rules: rules).segment(text).map { String(text[$0]) } == ["One. Two.", "Three."])
    }
}
