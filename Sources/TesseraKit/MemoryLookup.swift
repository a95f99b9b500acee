/// A lookup over several memories in priority order (``MemorySelection``): each memory's matches
/// lose its penalty (floor 0), the lists are merged best first, equal scores go to the earlier
/// memory (then to the memory's own order), and the best `limit` overall are kept; each match
/// names its memory (``LookupMatch/memory``).
///
/// A list of one memory without penalty costs what a plain ``Lookup`` does (the matches are only
/// labelled). A memory asked with penalty `p` is searched with the threshold raised by `p`, so
/// it yields only matches that can still reach the threshold after the penalty; a memory whose
/// penalty leaves no score at or above the threshold is not searched.
///
/// ```swift
/// let lookup = MemoryLookup([
///     .init(name: MemoryName("main")!, penalty: 0, lookup: try Lookup(session: main)),
///     .init(name: MemoryName("legacy")!, penalty: 5, lookup: try Lookup(session: legacy)),
/// ])
/// let matches = try lookup.run("Open the file", options: options)
/// matches.first?.memory   // main, unless legacy scores more than 5 points higher
/// ```
public struct MemoryLookup: Sendable {
    /// One memory of the list: its name, penalty and open lookup.
    public struct Member: Sendable {
        /// The memory's name (copied into each match).
        public var name: MemoryName
        /// Points taken off each of its scores (0-100).
        public var penalty: Int
        /// The lookup on the memory.
        public var lookup: Lookup

        /// A member.
        public init(name: MemoryName, penalty: Int, lookup: Lookup) {
            self.name = name
            self.penalty = penalty
            self.lookup = lookup
        }
    }

    /// The memories in priority order.
    public let members: [Member]

    /// A lookup over `members` (at least one), in priority order.
    public init(_ members: [Member]) {
        precondition(!members.isEmpty, "a memory lookup needs at least one memory")
        self.members = members
    }

    /// Opens each memory of `selection` (one-shot use: the CLI) through `catalog`.
    /// - Throws: ``KitError`` `noMemory`, `noDatabase`; storage errors.
    public init(_ selection: MemorySelection, in catalog: MemoryCatalog, rebuildIndex: Bool = false) throws {
        self.init(
            try selection.members.map { member in
                Member(
                    name: member.name, penalty: member.penalty,
                    lookup: try Lookup(database: catalog.location(of: member.name), rebuildIndex: rebuildIndex))
            })
    }

    /// Looks up one sentence in every memory and merges the matches (see the type's notes).
    /// - Returns: At most `options.limit` matches scoring at least `options.minimum` after their
    ///   penalty, best first.
    public func run(_ text: String, options: LookupOptions) throws -> [LookupMatch] {
        if members.count == 1, members[0].penalty == 0 {
            let name = members[0].name
            return try members[0].lookup.run(text, options: options).map { match in
                var match = match
                match.memory = name
                return match
            }
        }
        var ranked: [(match: LookupMatch, memory: Int, rank: Int)] = []
        for (position, member) in members.enumerated() {
            var asked = options
            asked.minimum = options.minimum + member.penalty
            guard asked.minimum <= 101 else { continue }
            for (rank, found) in try member.lookup.run(text, options: asked).enumerated() {
                var match = found
                match.score = max(0, match.score - member.penalty)
                match.memory = member.name
                match.memoryPenalty = member.penalty
                ranked.append((match, position, rank))
            }
        }
        ranked.sort { a, b in
            if a.match.score != b.match.score { return a.match.score > b.match.score }
            if a.memory != b.memory { return a.memory < b.memory }
            return a.rank < b.rank
        }
        return ranked.prefix(options.limit).map(\.match)
    }

    /// Looks up every query of a batch (``Lookup/run(batch:options:timing:)`` over the list).
    /// - Returns: One result per query, in order.
    public func run(
        batch queries: [QueryFile.Query], options: LookupOptions, timing: (Int, Double) -> Void = { _, _ in }
    ) throws -> [Lookup.BatchResult] {
        try Lookup.run(batch: queries, timing: timing) { try run($0, options: options) }
    }
}
