extension ConcordanceQuery {
    /// One term of a phrase: a word as the store's word table should look it up.
    public struct Term: Sendable, Hashable {
        /// The word (a written form, a form from the vocabulary, or a prefix).
        public var text: String
        /// A prefix: any word that starts with ``text``.
        public var isPrefix: Bool

        /// Creates a term.
        public init(_ text: String, isPrefix: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
        }
    }

    /// The most phrases one group of words turns into when its words have several forms: beyond
    /// it, the words with the most forms keep only their written form (a phrase has no
    /// alternatives inside it, so `line|lines item|items` is every combination).
    public static let maximumPhrases = 64

    /// The phrases each group of words stands for, each unquoted word that is not a prefix
    /// standing for any of `forms(word)` (its written form first): the groups (all of which a
    /// segment must contain), for each the alternative phrases (any of which will do), for each
    /// its terms in order. Every store turns this one structure into its own query language.
    ///
    /// ```swift
    /// ConcordanceQuery("production line")?.phrases { $0.text == "line" ? ["line", "lines"] : [$0.text] }
    /// // [[[production, line], [production, lines]]]
    /// ```
    /// - Complexity: at most ``maximumPhrases`` phrases per group.
    public func phrases(forms: (Word) throws -> [String]) rethrows -> [[[Term]]] {
        try groups.map { group in
            var alternatives = try group.map { word -> [Term] in
                if word.isPrefix { return [Term(word.text, isPrefix: true)] }
                if word.isExact { return [Term(word.text)] }
                let all = try forms(word)
                return (all.isEmpty ? [word.text] : all).map { Term($0) }
            }
            while alternatives.reduce(1, { $0 * $1.count }) > Self.maximumPhrases,
                let most = alternatives.indices.max(by: { alternatives[$0].count < alternatives[$1].count })
            {
                alternatives[most] = [alternatives[most][0]]
            }
            var phrases: [[Term]] = [[]]
            for choices in alternatives {
                phrases = phrases.flatMap { phrase in choices.map { phrase + [$0] } }
            }
            return phrases
        }
    }

    /// Whether every part of ``substrings`` has three characters or more, so that a trigram
    /// index can find it (shorter ones are searched by a scan).
    public var fitsTrigrams: Bool { substrings.allSatisfy { $0.count >= 3 } }
}
