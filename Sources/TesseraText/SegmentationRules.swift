import Foundation
public import TesseraCore

/// An ordered list of break and no-break (exception) rules with SRX 2.0 semantics.
///
/// A position in a text is a candidate boundary when a rule's `beforeBreak` pattern matches text
/// ending at the position and its `afterBreak` pattern matches text starting there. The first rule
/// in list order that matches a position decides it: a break rule makes it a sentence boundary,
/// a no-break rule forbids one. Positions no rule matches are not boundaries.
///
/// ```swift
/// let rules = try SegmentationRules(rules: [
///     .init(isBreak: false, beforeBreak: #"\bDr\."#, afterBreak: #"\s"#),
///     .init(isBreak: true, beforeBreak: #"[.!?]"#, afterBreak: #"\s"#),
/// ])
/// Segmenter(rules: rules).segment("Dr. Who came. He left.").count   // 2
/// ```
///
/// Patterns are ICU regular expressions (the dialect of `NSRegularExpression`); rules loaded from
/// SRX files are translated from Java syntax by ``JavaRegex``.
///
/// - SeeAlso: [SRX 2.0](https://www.gala-global.org/srx-20)
public struct SegmentationRules: Sendable {
    /// One break or no-break rule.
    public struct Rule: Sendable, Hashable {
        /// `true` for a break rule, `false` for an exception (no-break) rule.
        public var isBreak: Bool
        /// Pattern for the text before the boundary (ICU syntax); empty matches anywhere.
        public var beforeBreak: String
        /// Pattern for the text after the boundary (ICU syntax); empty matches anywhere.
        public var afterBreak: String
    }

    /// The rules in priority order (first match wins).
    public let rules: [Rule]
    /// One compiled `(?:before)(?=after)` expression per rule, in the same order.
    let compiled: [CompiledRule]

    /// A rule compiled for scanning.
    struct CompiledRule: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as thread-safe.
        let expression: NSRegularExpression
        let isBreak: Bool
    }

    /// Compiles `rules`.
    ///
    /// - Parameter rules: Break and no-break rules in priority order, patterns in ICU syntax.
    /// - Throws: ``SRXError`` of kind `.invalidPattern` naming the first rule that does not compile.
    /// - Complexity: O(total pattern length).
    public init(rules: [Rule]) throws(SRXError) {
        var compiled: [CompiledRule] = []
        compiled.reserveCapacity(rules.count)
        for (index, rule) in rules.enumerated() {
            let before = Self.withoutLeadingAnyRun(rule.beforeBreak)
            let pattern: String
            if rule.afterBreak.isEmpty {
                pattern = "(?:\(before))"
            } else {
                pattern = "(?:\(before))(?=\(rule.afterBreak))"
            }
            do {
                compiled.append(CompiledRule(expression: try NSRegularExpression(pattern: pattern), isBreak: rule.isBreak))
            } catch {
                throw SRXError(
                    .invalidPattern,
                    "Rule \(index + 1) has a pattern that does not compile: before \"\(rule.beforeBreak)\", after \"\(rule.afterBreak)\".")
            }
        }
        self.rules = rules
        self.compiled = compiled
    }

    /// `before` without a leading `.*` or `.*?`: a match of `.*X` ends at a position exactly when
    /// a match of `X` does, and scanning a leading `.*` from every start is quadratic in the line
    /// length (OmegaT's German rules have `.*` before `\.at`). A possessive `.*+` is kept.
    static func withoutLeadingAnyRun(_ before: String) -> String {
        guard before.hasPrefix(".*") else { return before }
        var rest = before.dropFirst(2)
        if rest.hasPrefix("+") { return before }
        if rest.hasPrefix("?") { rest = rest.dropFirst() }
        // `.*|X` and `.**` are left alone.
        if rest.hasPrefix("|") || rest.hasPrefix("*") || rest.hasPrefix("{") { return before }
        return String(rest)
    }

    /// The built-in rules for `language` (see ``BuiltinRules``); languages without their own list
    /// get the generic rules for cased scripts.
    ///
    /// ```swift
    /// let rules = SegmentationRules.builtin(for: LanguageTag("de")!)
    /// ```
    public static func builtin(for language: LanguageTag) -> SegmentationRules {
        BuiltinRules.rules(for: language)
    }
}
