public import TesseraCore
import TesseraText

/// The fuzzy-match formula of Tessera, in one place (see `Docs/MATCHING.md`).
///
/// 1. Both texts are tokenised and folded (``MatchText``): words and numbers, each character of
///    Chinese, Japanese, Korean and Thai. A single-word query of a language written with spaces is
///    compared by characters instead (``MatchGranularity/character``), so that `hond` finds `hand`.
/// 2. `d` = edit distance over those units (``EditDistance``: insertion, deletion, substitution
///    and the swap of two neighbours cost 1 each), `L` = the longer length,
///    `base = floor(100 · (L − d) / L)`; an empty pair scores 100.
/// 3. Exact (same plain text, same number of inline codes) is 100. Anything else is at most 99:
///    same words with other white space, case or punctuation score 99, 98, 98 (96 for both case
///    and punctuation).
/// 4. Penalties are then subtracted: inline-code difference, number mismatch, aligned origin
///    (``MatchPenalty``). The percentage never goes below 0.
///
/// ```swift
/// let en = LanguageTag("en")
/// FuzzyScorer.score(query: MatchText("Open the file", language: en),
///                   candidate: MatchText("Open the folder", language: en)).percent   // 66
/// ```
public enum FuzzyScorer {
    /// `floor(100 · (length − distance) / length)`, 100 for two empty sequences.
    @inlinable public static func base(distance: Int, length: Int) -> Int {
        length == 0 ? 100 : max(0, 100 * (length - distance) / length)
    }

    /// The largest distance that still reaches `minimum` percent for sequences whose longer length
    /// is `length`: `floor(length · (100 − minimum) / 100)`.
    @inlinable public static func maximumDistance(length: Int, minimum: Int) -> Int {
        length * (100 - min(max(minimum, 0), 100)) / 100
    }

    /// The sequences compared for `query` and `candidate`: token ids are assigned on the fly.
    static func units(_ query: MatchText, _ candidate: MatchText) -> ([UInt32], [UInt32]) {
        if query.granularity == .character {
            return (query.characterKey.map(UInt32.init), candidate.characterKey.map(UInt32.init))
        }
        var ids: [String: UInt32] = [:]
        func id(_ word: String) -> UInt32 {
            if let known = ids[word] { return known }
            let new = UInt32(ids.count)
            ids[word] = new
            return new
        }
        return (query.words.map(id), candidate.words.map(id))
    }

    /// The edit-distance part of the score: `(base, distance)`.
    /// - Complexity: O(n·m) in the number of units.
    public static func baseScore(query: MatchText, candidate: MatchText) -> (base: Int, distance: Int) {
        let (a, b) = units(query, candidate)
        let distance = EditDistance.distance(a, b) ?? max(a.count, b.count)
        return (base(distance: distance, length: max(a.count, b.count)), distance)
    }

    /// Scores `candidate` against `query` with the whole formula.
    ///
    /// - Parameters:
    ///   - query: The analysed query.
    ///   - candidate: The analysed source text of a translation unit.
    ///   - queryCodes: Inline codes in the query (0 for plain text from the command line).
    ///   - candidateCodes: Inline codes in the candidate's source segment.
    ///   - origin: Where the candidate unit came from.
    /// - Returns: The score with penalties, tie-break and differing query words.
    /// - Complexity: O(n·m) in the number of tokens, plus O(c·c') characters for the tie-break.
    public static func score(
        query: MatchText, candidate: MatchText, queryCodes: Int = 0, candidateCodes: Int = 0, origin: Origin = .imported
    ) -> MatchScore {
        let (base, distance) = baseScore(query: query, candidate: candidate)
        return finish(
            base: base, distance: distance, query: query, candidate: candidate, queryCodes: queryCodes,
            candidateCodes: candidateCodes, origin: origin)
    }

    /// Turns a base score (from ``baseScore(query:candidate:)`` or from the index) into the final
    /// score: exact check, cap at 99, penalties, tie-break and differing words.
    ///
    /// - Parameter details: `false` leaves out the tie-break and the differing words (each an
    ///   O(n·m) comparison), for a candidate that may not be shown; ``detailed(_:query:candidate:)``
    ///   adds them later. The percentage and penalties are the same either way.
    package static func finish(
        base: Int, distance: Int, query: MatchText, candidate: MatchText, queryCodes: Int = 0, candidateCodes: Int = 0,
        origin: Origin = .imported, details: Bool = true
    ) -> MatchScore {
        var penalties: [MatchPenalty] = []
        let exact = query.text == candidate.text && queryCodes == candidateCodes
        var percent: Int
        if exact {
            percent = 100
        } else if distance == 0 && query.text != candidate.text {
            penalties += formattingPenalties(query: query, candidate: candidate)
            percent = min(100 - penalties.reduce(0) { $0 + $1.points }, 99)
        } else {
            percent = min(base, 99)
        }
        var deductions: [MatchPenalty] = []
        if queryCodes != candidateCodes {
            deductions.append(MatchPenalty(.inlineCodes, points: min(abs(queryCodes - candidateCodes), 3)))
        }
        if query.numbers.sorted() != candidate.numbers.sorted() {
            deductions.append(MatchPenalty(.numbers))
        }
        if origin == .aligned {
            deductions.append(MatchPenalty(.origin))
        }
        percent -= deductions.reduce(0) { $0 + $1.points }
        penalties += deductions
        let score = MatchScore(
            percent: max(percent, 0), base: base, distance: distance, granularity: query.granularity, penalties: penalties)
        return details ? detailed(score, query: query, candidate: candidate) : score
    }

    /// `score` with its tie-break and differing words computed (see ``finish(base:distance:query:candidate:queryCodes:candidateCodes:origin:details:)``).
    /// - Complexity: O(n·m) in the tokens plus O(c·c') in the characters of the two texts.
    package static func detailed(_ score: MatchScore, query: MatchText, candidate: MatchText) -> MatchScore {
        var score = score
        score.differingWords =
            query.granularity == .token ? EditDistance.unmatchedIndices(query.words, candidate.words) : (score.distance == 0 ? [] : [0])
        score.tieBreak = tieBreak(query, candidate)
        return score
    }

    /// The penalties of a pair with the same words: white space, case, punctuation. At least one
    /// point is always taken (a difference in Unicode form or width counts as white space).
    static func formattingPenalties(query: MatchText, candidate: MatchText) -> [MatchPenalty] {
        var penalties: [MatchPenalty] = []
        if query.punctuation != candidate.punctuation { penalties.append(MatchPenalty(.punctuation)) }
        if rawWords(query) != rawWords(candidate) { penalties.append(MatchPenalty(.letterCase)) }
        if penalties.isEmpty { penalties.append(MatchPenalty(.whitespace)) }
        return penalties
    }

    /// The words as written (not folded).
    static func rawWords(_ text: MatchText) -> [Substring] {
        let utf16 = text.text.utf16
        return text.wordRanges.map { range in
            let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
            let end = utf16.index(utf16.startIndex, offsetBy: range.upperBound)
            return Substring(text.text[start..<end])
        }
    }

    /// Character-level similarity of the folded texts, punctuation included: `1 − d / L`.
    static func tieBreak(_ query: MatchText, _ candidate: MatchText) -> Double {
        let a = query.foldedKey, b = candidate.foldedKey
        let length = max(a.count, b.count)
        guard length > 0 else { return 1 }
        let distance = EditDistance.distance(a, b) ?? length
        return Double(length - distance) / Double(length)
    }
}
