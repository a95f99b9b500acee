package import TesseraGlossary
package import TesseraStorage

/// The stored terms as a `TermSearch` source: candidates are term keys read with the indexed
/// queries of `GlossaryStore`, limited to the consulted glossaries.
extension StoredTermIndex: TermCandidateSource {
    package typealias Failure = any Error

    package func candidates(keys: [String], language: String) throws -> [GlossaryTermKey] {
        try keysFor(store.termKeys(language: language, stemmed: [keys.joined(separator: " ")]))
    }

    package func candidates(firstWordPrefix prefix: String, language: String) throws -> [GlossaryTermKey] {
        try keysFor(store.termKeys(language: language, stemmedPrefix: prefix))
    }

    package func candidates(containing keys: [String], language: String) throws -> [GlossaryTermKey] {
        try keysFor(store.termKeys(language: language, containing: keys.joined(separator: " ")))
    }

    package func fuzzyCandidates(
        language: String, lengths: ClosedRange<Int>, pieces: [String], distance: (String, TermIndex.CharacterProfile) -> Int?
    ) throws -> [(GlossaryTermKey, Int)] {
        var distances: [Int64: Int] = [:]
        for candidate in try store.foldedTerms(language: language, lengths: lengths, containingAny: pieces) {
            distances[candidate.id] = distance(candidate.folded, TermIndex.CharacterProfile(candidate.folded.unicodeScalars))
        }
        return try keysFor(store.termKeys(ids: Array(distances.keys))).map { ($0, distances[$0.termID] ?? 0) }
    }

    package func folded(_ candidate: GlossaryTermKey) -> String { candidate.folded }

    package func keyCount(_ candidate: GlossaryTermKey) -> Int { candidate.stemmed.split(separator: " ").count }

    package func concept(_ candidate: GlossaryTermKey) -> Int64 { candidate.conceptID }

    package func inIndexOrder(_ lhs: GlossaryTermKey, _ rhs: GlossaryTermKey) -> Bool {
        GlossaryTermKey.inIndexOrder(lhs, rhs)
    }
}
