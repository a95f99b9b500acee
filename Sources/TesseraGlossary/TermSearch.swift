package import TesseraCore
import TesseraText

/// The one term-lookup algorithm, over any ``TermCandidateSource`` (in memory or stored): the
/// concept entries found for a term, best first.
///
/// In order, the first step that finds anything answers:
/// 1. the same stemmed key sequence (``TermHit/MatchKind/exact`` when the folded words are equal
///    too, else ``TermHit/MatchKind/stem``), and for a hyphenated or spaced query the parts written
///    as one word (`Verteidigungs-Ausgaben`);
/// 2. for languages without a stemmer, word prefixes of at least half of each word
///    (``StemmerCatalog/sharesHalfPrefix(_:_:)``);
/// 3. terms that contain the query's keys as whole words (`hedefleri` finds `yetenek hedefi`),
///    ranked by how many words they add;
/// 4. the Levenshtein ``EditDistance`` over the folded text (no transpositions), at most a quarter
///    of its length, for queries of at least 3 scalars: only terms in the length window
///    `query ± budget` that pass the character-profile bound; the source is told `budget + 1`
///    disjoint pieces of the query, one of which every such term contains (pigeonhole).
///
/// Hits are ordered by match kind, then distance, then glossary order, one per concept.
package enum TermSearch {
    /// The terms found for `text`, best first, at most `limit`, one per concept.
    ///
    /// - Parameters:
    ///   - text: The term as typed (any case, inflected, hyphen or space).
    ///   - source: The query's language.
    ///   - limit: At most this many results.
    ///   - terms: Where the candidates come from.
    /// - Throws: What `terms` throws.
    package static func lookup<Source: TermCandidateSource>(
        _ text: String, source: LanguageTag, limit: Int, in terms: Source
    ) throws(Source.Failure) -> [(term: Source.Candidate, kind: TermHit.MatchKind, distance: Int)] {
        let language = source.language
        let normalizer = TermNormalizer(language: source.base)
        let tokens = normalizer.keyTokens(of: text).filter { !$0.key.isEmpty }
        guard !tokens.isEmpty else { return [] }
        let folded = tokens.map(\.folded)
        let foldedText = folded.joined(separator: " ")
        let keys = tokens.map(\.key)
        var found: [(term: Source.Candidate, kind: TermHit.MatchKind, distance: Int)] = []
        for term in try terms.candidates(keys: keys, language: language) {
            found.append((term, terms.folded(term) == foldedText ? .exact : .stem, 0))
        }
        if found.isEmpty, tokens.count > 1 {
            // "Verteidigungs-Ausgaben", "data base": the parts written as one word.
            for term in try terms.candidates(keys: normalizer.keys(of: folded.joined()), language: language) {
                found.append((term, .stem, 0))
            }
        }
        if found.isEmpty, normalizer.stemmer == nil, let first = folded.first {
            // A shared prefix is at least 3 scalars and half the longer word: the candidate's
            // first word starts with the query word's first max(3, ⌈n/2⌉) scalars.
            let scalars = Array(first.unicodeScalars)
            let length = max(3, (scalars.count + 1) / 2)
            if scalars.count >= length {
                let prefix = String(String.UnicodeScalarView(scalars[..<length]))
                for term in try terms.candidates(firstWordPrefix: prefix, language: language) {
                    let words = terms.folded(term).split(separator: " ").map(String.init)
                    if words.count == folded.count, zip(words, folded).allSatisfy({ StemmerCatalog.sharesHalfPrefix($0, $1) }) {
                        found.append((term, .prefix, 0))
                    }
                }
            }
        }
        if found.isEmpty {
            for term in try terms.candidates(containing: keys, language: language) {
                let words = terms.keyCount(term)
                if words > keys.count { found.append((term, .partial, words - keys.count)) }
            }
        }
        if found.isEmpty {
            let query = Array(foldedText.unicodeScalars)
            let budget = max(1, query.count / 4)
            if query.count >= 3 {
                let profile = TermIndex.CharacterProfile(query)
                let matches = try terms.fuzzyCandidates(
                    language: language, lengths: max(0, query.count - budget)...(query.count + budget),
                    pieces: pieces(of: query, count: budget + 1)
                ) { candidate, candidateProfile in
                    guard candidateProfile.lowerBound(to: profile) <= budget else { return nil }
                    return EditDistance.distance(query, Array(candidate.unicodeScalars), limit: budget, transpositions: false)
                }
                for (term, distance) in matches { found.append((term, .fuzzy, distance)) }
            }
        }
        found.sort { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            return terms.inIndexOrder(lhs.term, rhs.term)
        }
        var seen = Set<Source.Concept>()
        var chosen: [(term: Source.Candidate, kind: TermHit.MatchKind, distance: Int)] = []
        for item in found where chosen.count < limit {
            if seen.insert(terms.concept(item.term)).inserted { chosen.append(item) }
        }
        return chosen
    }

    /// `text` cut into `count` disjoint pieces of nearly equal length (longer ones first), without
    /// repeats. Pigeonhole: each edit touches at most one piece, so a text within `count - 1` edits
    /// of `text` contains at least one piece unchanged.
    ///
    /// ```swift
    /// TermSearch.pieces(of: Array("capabilty".unicodeScalars), count: 3)   // ["cap", "abi", "lty"]
    /// ```
    package static func pieces(of text: [Unicode.Scalar], count: Int) -> [String] {
        guard count > 0, !text.isEmpty else { return [] }
        let parts = min(count, text.count)
        var out: [String] = []
        var start = 0
        for part in 0..<parts {
            let length = text.count / parts + (part < text.count % parts ? 1 : 0)
            let piece = String(String.UnicodeScalarView(text[start..<(start + length)]))
            if !out.contains(piece) { out.append(piece) }
            start += length
        }
        return out
    }
}
