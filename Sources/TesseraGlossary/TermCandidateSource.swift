/// Where ``TermSearch`` finds the candidate terms of one language: the in-memory ``TermIndex``, or
/// a glossary database (TesseraKit's `StoredTermIndex`). The source only fetches; the matching rules
/// (forms, stems, prefixes, partial terms, fuzzy tolerance, order) are ``TermSearch``'s alone.
///
/// Each fetch may return more than asked (a superset): ``TermSearch`` checks every candidate again,
/// except ``candidates(keys:language:)`` and ``candidates(containing:language:)``, which must be exact.
package protocol TermCandidateSource {
    /// One indexed term.
    associatedtype Candidate
    /// The concept a term belongs to: a lookup answers each concept once.
    associatedtype Concept: Hashable
    /// What a fetch throws (`Never` in memory).
    associatedtype Failure: Error

    /// The terms whose stemmed key sequence is `keys`.
    func candidates(keys: [String], language: String) throws(Failure) -> [Candidate]
    /// The terms whose first folded word may start with `prefix` (a superset is fine).
    func candidates(firstWordPrefix prefix: String, language: String) throws(Failure) -> [Candidate]
    /// The terms whose stemmed keys hold `keys` as a run of whole words, other than `keys` itself.
    func candidates(containing keys: [String], language: String) throws(Failure) -> [Candidate]
    /// The terms whose folded text is `lengths` scalars long (a superset is fine) and may contain
    /// one of `pieces`, with the distance `distance` gives their folded text and its profile; the
    /// terms it gives none for are left out.
    func fuzzyCandidates(
        language: String, lengths: ClosedRange<Int>, pieces: [String],
        distance: (_ folded: String, _ profile: TermIndex.CharacterProfile) -> Int?
    ) throws(Failure) -> [(Candidate, Int)]

    /// A term's folded words, joined by one space.
    func folded(_ candidate: Candidate) -> String
    /// How many stemmed keys (words) a term has.
    func keyCount(_ candidate: Candidate) -> Int
    /// The concept of a term.
    func concept(_ candidate: Candidate) -> Concept
    /// Whether `lhs` comes before `rhs` in glossary order (glossary, concept, term): the last
    /// tie-break of the hits.
    func inIndexOrder(_ lhs: Candidate, _ rhs: Candidate) -> Bool
}
