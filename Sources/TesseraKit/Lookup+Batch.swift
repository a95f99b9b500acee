import Foundation
import TesseraText

extension Lookup {
    /// The answer to one query of a batch.
    public struct BatchResult: Sendable, Hashable, Codable {
        /// The query's line number (see ``QueryFile``).
        public var line: Int
        /// The query text.
        public var query: String
        /// Its matches, best first (none for a blank line).
        public var matches: [LookupMatch]

        /// Creates a result.
        public init(line: Int, query: String, matches: [LookupMatch]) {
            self.line = line
            self.query = query
            self.matches = matches
        }

        /// The columns of batch TSV (`lookup --file --format tsv`).
        public static let tsvHeader = ["line", "rank", "score", "source_language", "target_language", "source", "target"]

        /// The TSV rows of this query: one per match, or one with empty match fields.
        public var tsvRows: String {
            guard !matches.isEmpty else { return "\(line)" + String(repeating: "\t", count: Self.tsvHeader.count - 1) + "\n" }
            return matches.enumerated().map { rank, match in
                TSVField.line([
                    "\(line)", "\(rank + 1)", "\(match.score)", match.sourceLanguage.description,
                    match.targetLanguage.description, match.source, match.target,
                ])
            }.joined()
        }
    }

    /// Looks up every query of a batch with this one open memory and match index (`lookup --file`).
    ///
    /// ```swift
    /// let lookup = try Lookup(database: location)
    /// let results = try lookup.run(batch: try QueryFile(path: "queries.txt").queries, options: options)
    /// results[0].matches.first?.score   // 100
    /// ```
    /// - Parameters:
    ///   - queries: The queries in order; a blank one is answered with no match without a search.
    ///   - options: Languages, threshold, number of matches, context (the same for every query).
    ///   - timing: Called after each query with its line number and its time in milliseconds.
    /// - Returns: One result per query, in order.
    /// - Throws: storage errors; the batch stops at the first.
    /// - Complexity: one ``run(_:options:)`` per non-blank query.
    public func run(
        batch queries: [QueryFile.Query], options: LookupOptions, timing: (Int, Double) -> Void = { _, _ in }
    ) throws -> [BatchResult] {
        try Self.run(batch: queries, timing: timing) { try run($0, options: options) }
    }

    /// The one batch loop (``Lookup`` and ``MemoryLookup``): `lookup` for each non-blank query,
    /// timed.
    static func run(
        batch queries: [QueryFile.Query], timing: (Int, Double) -> Void, lookup: (String) throws -> [LookupMatch]
    ) throws -> [BatchResult] {
        try queries.map { query in
            let started = DispatchTime.now().uptimeNanoseconds
            let matches = query.isBlank ? [] : try lookup(query.text)
            timing(query.line, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            return BatchResult(line: query.line, query: query.text, matches: matches)
        }
    }
}
