/// Finds glossary terms in a tokenised sentence: a trie over the terms' key sequences (folded,
/// stemmed words), walked from every token; overlapping candidates are resolved longest first.
///
/// Each trie edge is one word key, so a sentence of n tokens is scanned in O(n · L) dictionary
/// steps where L is the longest term in words, independent of the number of terms: 100,000
/// entries cost memory (one node per distinct key prefix), not time. A term's value is an index
/// the caller chooses (into its own term table).
///
/// ```swift
/// var matcher = TermMatcher()
/// matcher.insert(keys: ["capabiliti", "target"], value: 0)
/// matcher.insert(keys: ["target"], value: 1)
/// matcher.matches(in: ["nato", "capabiliti", "target"]).map(\.tokens)   // [1..<3]
/// ```
///
/// - Complexity: insert O(k) in the term's length; ``matches(in:)`` O(n · L) plus sorting the
///   candidates.
package struct TermMatcher: Sendable {
    /// One trie node: children by word key and the values of the terms that end here.
    struct Node: Sendable {
        var children: [String: Int32] = [:]
        var values: [Int32] = []
    }

    /// A found term: the token positions it covers and the values of the terms with that key
    /// sequence (synonyms in several concepts share one).
    package struct Match: Hashable, Sendable {
        /// Positions in the key array passed to ``TermMatcher/matches(in:)``.
        package var tokens: Range<Int>
        /// The values inserted for this key sequence.
        package var values: [Int]
    }

    var nodes: [Node] = [Node()]

    /// The number of key sequences inserted (with repeats).
    package private(set) var count = 0

    /// Creates an empty matcher.
    package init() {}

    /// Adds a term under its key sequence. Empty sequences are ignored.
    /// - Parameters:
    ///   - keys: The term's word keys (see ``TermNormalizer/keys(of:)``).
    ///   - value: What ``matches(in:)`` returns for it.
    package mutating func insert(keys: [String], value: Int) {
        guard !keys.isEmpty else { return }
        var node = 0
        for key in keys {
            if let next = nodes[node].children[key] {
                node = Int(next)
            } else {
                nodes.append(Node())
                let next = nodes.count - 1
                nodes[node].children[key] = Int32(next)
                node = next
            }
        }
        nodes[node].values.append(Int32(value))
        count += 1
    }

    /// The values stored under exactly this key sequence.
    package func values(for keys: [String]) -> [Int] {
        var node = 0
        for key in keys {
            guard let next = nodes[node].children[key] else { return [] }
            node = Int(next)
        }
        return nodes[node].values.map { Int($0) }
    }

    /// The terms found in a key sequence, at most one per token: the longest candidate wins,
    /// then the earliest. An empty key (punctuation) is never part of a term.
    /// - Parameter keys: The sentence's word keys in order.
    /// - Returns: Matches sorted by position.
    package func matches(in keys: [String]) -> [Match] {
        var candidates: [Match] = []
        for start in keys.indices where !keys[start].isEmpty {
            var node = 0
            var position = start
            while position < keys.count, !keys[position].isEmpty,
                let next = nodes[node].children[keys[position]]
            {
                node = Int(next)
                position += 1
                if !nodes[node].values.isEmpty {
                    candidates.append(Match(tokens: start..<position, values: nodes[node].values.map { Int($0) }))
                }
            }
        }
        candidates.sort { ($0.tokens.count, -$0.tokens.lowerBound) > ($1.tokens.count, -$1.tokens.lowerBound) }
        var covered = [Bool](repeating: false, count: keys.count)
        var chosen: [Match] = []
        for candidate in candidates where !candidate.tokens.contains(where: { covered[$0] }) {
            for position in candidate.tokens { covered[position] = true }
            chosen.append(candidate)
        }
        return chosen.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}
