public import TesseraCore
import TesseraText

/// An in-memory index over glossaries for the two questions a translator asks: "what is this
/// term in German?" (``lookup(_:source:targets:limit:)``) and "which glossary terms are in this
/// sentence?" (``occurrences(in:source:targets:)``).
///
/// Each term is indexed by its language under its key sequence (``TermNormalizer``: folded,
/// hyphens dropped, stemmed) in a ``TermMatcher`` trie. A lookup is ``TermSearch``'s (the same
/// algorithm answers from a database in TesseraKit), and tries, in order:
/// 1. the same key sequence (exact or stem match), and for a hyphenated or spaced query the
///    parts written as one word (`Verteidigungs-Ausgaben`);
/// 2. for languages without a stemmer, word prefixes of at least half of each word;
/// 3. terms that contain the query's words (`hedefleri` finds `yetenek hedefi`);
/// 4. edit distance over the folded text, at most a quarter of its length, computed only for
///    the terms in the length window `query ± budget` (references kept sorted by length, found by
///    binary search) that also pass a cheap character-profile bound.
///
/// ```swift
/// let index = TermIndex(glossaries: [glossary])
/// index.lookup("Capability-Targets", source: LanguageTag("en")!, targets: [LanguageTag("de")!])
///     .first?.targets.first?.text   // "Fähigkeitsziel"
/// ```
///
/// - Complexity: building O(total term length + t log t); exact lookup O(k); the prefix and
///   partial fallbacks O(t) over the t terms of the source language, the fuzzy one O(log t + w · k²)
///   over the w terms in its length window; ``occurrences(in:source:targets:)`` O(n · L).
public struct TermIndex: Sendable {
    /// A term of some entry, with its folded text for the fallbacks.
    struct Reference: Sendable {
        var entry: Int32
        var term: Int32
        var foldedWords: [String]
        /// ``foldedWords`` joined by one space.
        var folded: String
        var keys: [String]
        var foldedLength: Int
        /// Counts of the folded text's scalars by `value % 16`: a cheap lower bound on the edit
        /// distance (half the L1 difference of two profiles), checked before the real distance.
        var profile: CharacterProfile
    }

    /// Scalar counts in 16 buckets: a cheap lower bound on the edit distance between two texts.
    ///
    /// ```swift
    /// let a = TermIndex.CharacterProfile("capability".unicodeScalars)
    /// a.lowerBound(to: TermIndex.CharacterProfile("capabilty".unicodeScalars))   // 1
    /// ```
    public struct CharacterProfile: Sendable {
        var counts: (UInt64, UInt64) = (0, 0)  // 16 nibble-free byte counters, 8 per word

        /// The profile of a text's scalars.
        public init(_ scalars: some Sequence<Unicode.Scalar>) {
            var buckets = [UInt8](repeating: 0, count: 16)
            for scalar in scalars {
                let bucket = Int(scalar.value % 16)
                if buckets[bucket] < 255 { buckets[bucket] += 1 }
            }
            var low: UInt64 = 0
            var high: UInt64 = 0
            for index in 0..<8 {
                low |= UInt64(buckets[index]) << (8 * index)
                high |= UInt64(buckets[index + 8]) << (8 * index)
            }
            counts = (low, high)
        }

        /// Half the L1 distance between two profiles (rounded up): never more than the edit distance.
        public func lowerBound(to other: CharacterProfile) -> Int {
            var total = 0
            for shift in stride(from: 0, to: 64, by: 8) {
                total += abs(Int((counts.0 >> UInt64(shift)) & 0xFF) - Int((other.counts.0 >> UInt64(shift)) & 0xFF))
                total += abs(Int((counts.1 >> UInt64(shift)) & 0xFF) - Int((other.counts.1 >> UInt64(shift)) & 0xFF))
            }
            return (total + 1) / 2
        }
    }

    let glossaryNames: [String]
    let entries: [TermEntry]
    let entryGlossary: [Int32]
    var references: [Reference] = []
    var matchers: [String: TermMatcher] = [:]
    var referencesByLanguage: [String: [Int]] = [:]
    /// Per language, the references sorted by folded length (scalars): the fuzzy fallback reads
    /// only the length window `query ± budget` (a binary search) instead of every term.
    var referencesByLength: [String: [Int]] = [:]

    /// Indexes glossaries.
    /// - Parameters:
    ///   - glossaries: The glossaries; their names appear in the hits.
    ///   - languages: The languages to index (terms are keyed by their primary subtags, so `de`
    ///     also takes `de-CH` terms); `nil` for all.
    public init(glossaries: [Glossary], languages tags: [LanguageTag]? = nil) {
        let languages = tags.map { Set($0.map(\.language)) }
        var names: [String] = []
        var entries: [TermEntry] = []
        var owners: [Int32] = []
        for (number, glossary) in glossaries.enumerated() {
            names.append(glossary.name)
            entries.append(contentsOf: glossary.entries)
            owners.append(contentsOf: repeatElement(Int32(number), count: glossary.entries.count))
        }
        glossaryNames = names
        self.entries = entries
        entryGlossary = owners
        var normalizers: [String: TermNormalizer] = [:]
        var primaryLanguages: [LanguageTag: String] = [:]
        for (entryIndex, entry) in entries.enumerated() {
            for (termIndex, term) in entry.terms.enumerated() {
                let language: String
                if let known = primaryLanguages[term.language] {
                    language = known
                } else {
                    language = term.language.language
                    primaryLanguages[term.language] = language
                }
                if let languages, !languages.contains(language) { continue }
                let normalizer: TermNormalizer
                if let known = normalizers[language] {
                    normalizer = known
                } else {
                    normalizer = TermNormalizer(language: term.language.base)
                    normalizers[language] = normalizer
                }
                let tokens = normalizer.keyTokens(of: term.text).filter { !$0.key.isEmpty }
                guard !tokens.isEmpty else { continue }
                let folded = tokens.map(\.folded)
                let foldedText = folded.joined(separator: " ")
                let reference = Reference(
                    entry: Int32(entryIndex), term: Int32(termIndex), foldedWords: folded, folded: foldedText,
                    keys: tokens.map(\.key), foldedLength: foldedText.unicodeScalars.count,
                    profile: CharacterProfile(foldedText.unicodeScalars))
                references.append(reference)
                let value = references.count - 1
                matchers[language, default: TermMatcher()].insert(keys: tokens.map(\.key), value: value)
                referencesByLanguage[language, default: []].append(value)
            }
        }
        for (language, values) in referencesByLanguage {
            referencesByLength[language] = values.sorted { (references[$0].foldedLength, $0) < (references[$1].foldedLength, $1) }
        }
    }

    /// The number of indexed terms.
    public var termCount: Int { references.count }

    /// The concept entries found for a term, best first.
    /// - Parameters:
    ///   - text: The term as typed (any case, inflected, hyphen or space).
    ///   - source: The query's language.
    ///   - targets: The languages to answer in; empty for every language but the source.
    ///   - limit: At most this many hits.
    /// - Returns: Hits ordered by match kind, then distance, then glossary order.
    public func lookup(_ text: String, source: LanguageTag, targets: [LanguageTag], limit: Int = 10) -> [TermHit] {
        TermSearch.lookup(text, source: source, limit: limit, in: self).map { value, kind, distance in
            hit(value, kind: kind, distance: distance, source: source, targets: targets)
        }
    }

    /// Every glossary term in a sentence, longest match first, with UTF-16 offsets.
    /// - Parameters:
    ///   - sentence: Plain text.
    ///   - source: The sentence's language.
    ///   - targets: The languages to answer in; empty for every other language.
    /// - Returns: Occurrences in sentence order, none overlapping.
    public func occurrences(in sentence: String, source: LanguageTag, targets: [LanguageTag]) -> [TermOccurrence] {
        guard let matcher = matchers[source.language] else { return [] }
        let normalizer = TermNormalizer(language: source.base)
        let tokens = normalizer.keyTokens(of: sentence)
        let utf16 = Array(sentence.utf16)
        return matcher.matches(in: tokens.map(\.key)).map { match in
            let start = tokens[match.tokens.lowerBound].range.lowerBound
            let end = tokens[match.tokens.upperBound - 1].range.upperBound
            let folded = tokens[match.tokens].map(\.folded)
            var seen = Set<Int32>()
            let hits = match.values.compactMap { value -> TermHit? in
                guard seen.insert(references[value].entry).inserted else { return nil }
                let kind: TermHit.MatchKind = references[value].foldedWords == folded ? .exact : .stem
                return hit(value, kind: kind, distance: 0, source: source, targets: targets)
            }
            let text = String(decoding: utf16[start..<end], as: UTF16.self)
            return TermOccurrence(start: start, end: end, text: text, hits: hits)
        }
    }

    /// The hit for one indexed term.
    func hit(_ value: Int, kind: TermHit.MatchKind, distance: Int, source: LanguageTag, targets: [LanguageTag]) -> TermHit {
        let reference = references[value]
        return TermHit(
            glossary: glossaryNames[Int(entryGlossary[Int(reference.entry)])], entry: entries[Int(reference.entry)],
            termIndex: Int(reference.term), match: kind, distance: distance, source: source, targets: targets)
    }

    /// Whether `needle` occurs as a contiguous run in `haystack`.
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

extension TermIndex {
    /// Every term of a concept, in every indexed language.
    public func terms(ofConcept conceptID: String, glossary: String) -> [Term] {
        guard let glossaryNumber = glossaryNames.firstIndex(of: glossary) else { return [] }
        for (index, entry) in entries.enumerated() where entry.id == conceptID && entryGlossary[index] == Int32(glossaryNumber) {
            return entry.terms
        }
        return []
    }
}
