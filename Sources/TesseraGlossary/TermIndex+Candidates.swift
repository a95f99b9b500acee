/// The in-memory terms as a ``TermSearch`` source: candidates are reference numbers, in glossary
/// order.
extension TermIndex: TermCandidateSource {
    package typealias Failure = Never

    package func candidates(keys: [String], language: String) -> [Int] {
        matchers[language]?.values(for: keys) ?? []
    }

    package func candidates(firstWordPrefix prefix: String, language: String) -> [Int] {
        (referencesByLanguage[language] ?? []).filter { references[$0].folded.hasPrefix(prefix) }
    }

    package func candidates(containing keys: [String], language: String) -> [Int] {
        (referencesByLanguage[language] ?? []).filter {
            references[$0].keys.count > keys.count && Self.contains(references[$0].keys, keys)
        }
    }

    package func fuzzyCandidates(
        language: String, lengths: ClosedRange<Int>, pieces: [String], distance: (String, CharacterProfile) -> Int?
    ) -> [(Int, Int)] {
        // The length window by binary search over the references sorted by folded length (the
        // pieces are not needed: the profile bound is as cheap as a substring test here).
        let byLength = referencesByLength[language] ?? []
        var low = 0
        var high = byLength.count
        while low < high {
            let middle = (low + high) / 2
            if references[byLength[middle]].foldedLength < lengths.lowerBound { low = middle + 1 } else { high = middle }
        }
        var out: [(Int, Int)] = []
        for value in byLength[low...].prefix(while: { references[$0].foldedLength <= lengths.upperBound }) {
            if let found = distance(references[value].folded, references[value].profile) { out.append((value, found)) }
        }
        return out
    }

    package func folded(_ candidate: Int) -> String { references[candidate].folded }

    package func keyCount(_ candidate: Int) -> Int { references[candidate].keys.count }

    package func concept(_ candidate: Int) -> Int32 { references[candidate].entry }

    package func inIndexOrder(_ lhs: Int, _ rhs: Int) -> Bool { lhs < rhs }
}
