import Foundation
public import TesseraCore
import TesseraGlossary
import TesseraStorage
import TesseraText

/// The `check` use case: terminology QA over sentence pairs, against the stored glossaries.
///
/// Three checks, each reported with character spans (UTF-16 offsets):
/// - **missing term**: a source term is in the source sentence but none of its allowed target
///   terms (preferred, admitted or unrated; stem-tolerant) is in the target sentence;
/// - **discouraged term**: a deprecated or forbidden target term is used in the target;
/// - **inconsistent**: one source concept is translated with different target terms across the
///   pairs.
///
/// ```swift
/// let report = try CheckTerminology.check(pairs: pairs, lookup: lookup, target: LanguageTag("de")!)
/// report.problems.first?.kind   // .discouragedTerm
/// ```
///
/// - Complexity: O(p · n · L) for p pairs of n tokens, L the longest term in words.
public enum CheckTerminology {
    /// A source sentence and its translation.
    public struct Pair: Hashable, Sendable, Codable {
        /// Where the pair comes from: a line number of the pairs file or a TM unit id.
        public var reference: String
        /// The source sentence.
        public var source: String
        /// The target sentence.
        public var target: String

        /// Creates a pair.
        public init(reference: String, source: String, target: String) {
            self.reference = reference
            self.source = source
            self.target = target
        }
    }

    /// A span of a sentence.
    public struct Span: Hashable, Sendable, Codable {
        /// UTF-16 offset of the first character.
        public var start: Int
        /// UTF-16 offset after the last character.
        public var end: Int
        /// The text there.
        public var text: String
    }

    /// One problem found.
    public struct Problem: Hashable, Sendable, Codable {
        /// The kinds of problem.
        public enum Kind: String, Hashable, Sendable, Codable {
            /// The target lacks every allowed translation of a source term.
            case missingTerm
            /// The target uses a deprecated or forbidden term.
            case discouragedTerm
            /// A concept is translated differently across pairs.
            case inconsistent
        }

        /// What is wrong.
        public var kind: Kind
        /// The pair (its reference); for `inconsistent`, the first pair involved.
        public var pair: String
        /// The glossary and concept concerned.
        public var glossary: String
        /// The concept identifier.
        public var conceptID: String
        /// The source-term span, if any.
        public var sourceSpan: Span?
        /// The target-term span, if any.
        public var targetSpan: Span?
        /// The target terms the glossary expects (preferred and admitted).
        public var expected: [String]
        /// A sentence for the reader.
        public var message: String
    }

    /// The check's result.
    public struct Report: Hashable, Sendable, Codable {
        /// Pairs checked.
        public var pairs: Int
        /// Problems found, in pair order.
        public var problems: [Problem]
        /// Whether nothing was found.
        public var passed: Bool { problems.isEmpty }

        /// One line per problem plus a summary.
        public var summary: String {
            var lines = problems.map { "\($0.pair): \($0.kind.rawValue): \($0.message) [\($0.glossary) \($0.conceptID)]" }
            lines.append("\(Plural.count(pairs, "pair")) checked, \(Plural.count(problems.count, "problem")).")
            return lines.joined(separator: "\n")
        }

        enum CodingKeys: String, CodingKey { case pairs, problems, passed }

        /// Encodes the counts, the problems and `passed`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(pairs, forKey: .pairs)
            try container.encode(problems, forKey: .problems)
            try container.encode(passed, forKey: .passed)
        }

        /// Decodes a report.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            pairs = try container.decode(Int.self, forKey: .pairs)
            problems = try container.decode([Problem].self, forKey: .problems)
        }

        /// Creates a report.
        public init(pairs: Int, problems: [Problem]) {
            self.pairs = pairs
            self.problems = problems
        }
    }

    /// Makes sure `database` holds a glossary with terms in both languages: a check against none
    /// would pass without checking anything.
    ///
    /// - Throws: ``KitError`` `.noDatabase` when the file does not exist; `.noGlossary` when no
    ///   stored glossary has terms in `source` and `target`; `StorageError`.
    public static func requireGlossary(database: StoreLocation, source: LanguageTag, target: LanguageTag) throws {
        try requireGlossary(in: GlossaryList(database: database).run(), of: database, source: source, target: target)
    }

    /// Makes sure the open `session` holds a glossary with terms in both languages (see
    /// ``requireGlossary(database:source:target:)``), through the session's glossary store.
    /// - Throws: ``KitError`` `.closed`, `.noGlossary`; `StorageError`.
    public static func requireGlossary(session: TranslationMemory, source: LanguageTag, target: LanguageTag) throws {
        try requireGlossary(in: GlossaryList.run(in: session), of: session.location, source: source, target: target)
    }

    /// The rule of both ``requireGlossary(database:source:target:)`` variants, on the summaries read.
    private static func requireGlossary(in summaries: [GlossaryList.Summary], of database: StoreLocation, source: LanguageTag, target: LanguageTag)
        throws
    {
        guard !summaries.isEmpty else {
            throw KitError(.noGlossary, "\(database) holds no glossary: import one with tessera glossary import.")
        }
        let covers = { (summary: GlossaryList.Summary, tag: LanguageTag) in
            summary.languages.contains { LanguageTag($0)?.language == tag.language }
        }
        guard summaries.contains(where: { covers($0, source) && covers($0, target) }) else {
            throw KitError(.noGlossary, "\(database) holds no glossary with terms in both \(source) and \(target).")
        }
    }

    /// Checks pairs against the glossaries indexed in `lookup` (source language = `lookup.source`).
    /// - Parameters:
    ///   - pairs: The sentence pairs.
    ///   - lookup: Glossaries indexed for the source and target languages.
    ///   - target: The target language.
    /// - Throws: `StorageError` when the database cannot be read.
    public static func check(pairs: [Pair], lookup: TermLookup, target: LanguageTag) throws -> Report {
        let targetNormalizer = TermNormalizer(language: target.base)
        var problems: [Problem] = []
        // concept (glossary + id) -> used target term text -> pair references and first span
        var usage: [String: [String: [String]]] = [:]
        var usageOrder: [String] = []
        var usageInfo: [String: (glossary: String, conceptID: String, source: Span, pair: String, expected: [String])] = [:]
        for pair in pairs {
            let targetTokens = targetNormalizer.keyTokens(of: pair.target)
            let targetKeys = targetTokens.map(\.key)
            let targetUTF16 = Array(pair.target.utf16)
            let sourceUTF16 = Array(pair.source.utf16)
            for occurrence in try lookup.occurrences(in: pair.source, source: lookup.source, targets: [target]) {
                let sourceSpan = Span(
                    start: occurrence.start, end: occurrence.end,
                    text: String(decoding: sourceUTF16[occurrence.range], as: UTF16.self))
                for hit in occurrence.hits {
                    let allowed = hit.targets.filter { !($0.status?.isDiscouraged ?? false) }
                    guard !allowed.isEmpty else { continue }
                    let expected = allowed.map(\.text)
                    var used: (Term, Span)?
                    for term in hit.targets {
                        let keys = targetNormalizer.keys(of: term.text)
                        if let range = find(keys, in: targetKeys) {
                            let start = targetTokens[range.lowerBound].range.lowerBound
                            let end = targetTokens[range.upperBound - 1].range.upperBound
                            used = (term, Span(start: start, end: end, text: String(decoding: targetUTF16[start..<end], as: UTF16.self)))
                            if !(term.status?.isDiscouraged ?? false) { break }
                        }
                    }
                    let concept = hit.glossary + "\u{1F}" + hit.conceptID
                    if let (term, _) = used {
                        if usage[concept] == nil {
                            usageOrder.append(concept)
                            usageInfo[concept] = (hit.glossary, hit.conceptID, sourceSpan, pair.reference, expected)
                        }
                        usage[concept, default: [:]][term.text, default: []].append(pair.reference)
                    } else {
                        problems.append(Problem(
                            kind: .missingTerm, pair: pair.reference, glossary: hit.glossary, conceptID: hit.conceptID,
                            sourceSpan: sourceSpan, targetSpan: nil, expected: expected,
                            message: "\"\(sourceSpan.text)\" should be translated as \(quoted(expected))."))
                    }
                }
            }
            for occurrence in try lookup.occurrences(in: pair.target, source: target, targets: [lookup.source]) {
                for hit in occurrence.hits {
                    guard let status = hit.source.status, status.isDiscouraged else { continue }
                    // Terms of the same concept that may be used instead.
                    let concept = try lookupConcept(hit, in: lookup)
                    let expected = concept.filter { $0.language.sharesLanguage(with: target) && !($0.status?.isDiscouraged ?? false) }.map(\.text)
                    let span = Span(
                        start: occurrence.start, end: occurrence.end,
                        text: String(decoding: targetUTF16[occurrence.range], as: UTF16.self))
                    problems.append(Problem(
                        kind: .discouragedTerm, pair: pair.reference, glossary: hit.glossary, conceptID: hit.conceptID,
                        sourceSpan: nil, targetSpan: span, expected: expected,
                        message: "\"\(span.text)\" is a \(status.rawValue) term"
                            + (expected.isEmpty ? "." : "; use \(quoted(expected)).")))
                }
            }
        }
        for concept in usageOrder {
            guard let used = usage[concept], used.count > 1, let info = usageInfo[concept] else { continue }
            let variants = used.sorted { $0.key < $1.key }.map { "\"\($0.key)\" (\($0.value.joined(separator: ", ")))" }
            problems.append(Problem(
                kind: .inconsistent, pair: info.pair, glossary: info.glossary, conceptID: info.conceptID,
                sourceSpan: info.source, targetSpan: nil, expected: info.expected,
                message: "\"\(info.source.text)\" is translated in \(used.count) ways: \(variants.joined(separator: ", "))."))
        }
        // The same finding through several glossaries (a long and a wide copy) is reported once.
        var seen = Set<String>()
        problems = problems.filter { problem in
            let key = [
                problem.kind.rawValue, problem.pair, "\(problem.sourceSpan?.start ?? -1)", "\(problem.targetSpan?.start ?? -1)",
                problem.expected.joined(separator: "\u{1F}"),
            ].joined(separator: "\u{1E}")
            return seen.insert(key).inserted
        }
        return Report(pairs: pairs.count, problems: problems)
    }

    /// The first position of `needle` as a contiguous run in `haystack`.
    static func find(_ needle: [String], in haystack: [String]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
        }
        return nil
    }

    /// All terms of the concept of `hit` (the hit itself only carries the answer languages).
    static func lookupConcept(_ hit: TermHit, in lookup: TermLookup) throws -> [Term] {
        try lookup.terms(ofConcept: hit.conceptID, glossary: hit.glossary)
    }

    static func quoted(_ texts: [String]) -> String {
        texts.map { "\"\($0)\"" }.joined(separator: " or ")
    }

    /// Reads a pairs file (a ``TextFile``): `source<TAB>target` per line; blank lines and `#`
    /// lines skipped.
    /// - Throws: `TextFileError` for a file that cannot be read or decoded; ``KitError``
    ///   `.invalidOption` for a line without a tab, with its number.
    public static func readPairs(path: String) throws -> [Pair] {
        var pairs: [Pair] = []
        for line in try TextFile(path: path).lines {
            let text = line.text
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw KitError(.invalidOption, "\(path):\(line.number): a pair needs source<TAB>target.")
            }
            pairs.append(Pair(reference: "line \(line.number)", source: String(fields[0]), target: String(fields[1])))
        }
        return pairs
    }

    /// The pairs of the translation memory for a language pair (best target variant of every unit
    /// with both languages).
    public static func readPairs(database: StoreLocation, source: LanguageTag, target: LanguageTag) throws -> [Pair] {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database).") }
        let memory = try StoreOpener.translationStore(database)
        var pairs: [Pair] = []
        try memory.forEachUnit(matching: UnitFilter(source: source, targets: [target])) { stored in
            guard let sourceVariant = stored.unit.bestVariant(for: source),
                let targetVariant = stored.unit.bestVariant(for: target)
            else { return }
            pairs.append(Pair(
                reference: "unit \(stored.id)", source: sourceVariant.segment.plainText, target: targetVariant.segment.plainText))
        }
        return pairs
    }
}
