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
/// let lookup = try MemoryLookup(MemorySelection("main,legacy:5")) { name in
///     try Lookup(session: sessions[name]!)
/// }
/// let matches = try lookup.run("Open the file", options: options)
/// matches.first?.memory   // main, unless legacy scores more than 5 points higher
/// ```
public struct MemoryLookup: Sendable {
    /// The memories in priority order (names and penalties), each with its open lookup.
    public let members: [(memory: MemorySelection.Member, lookup: Lookup)]

    /// A lookup over the memories of `selection`, in its order, each opened by `open`.
    /// - Throws: the error of `open`.
    public init(_ selection: MemorySelection, opening open: (MemoryName) throws -> Lookup) rethrows {
        members = try selection.members.map { ($0, try open($0.name)) }
    }

    /// Opens each memory of `selection` (one-shot use: the CLI) through `catalog`.
    /// - Throws: ``KitError`` `noMemory`, `noDatabase`; storage errors.
    public init(_ selection: MemorySelection, in catalog: MemoryCatalog, rebuildIndex: Bool = false) throws {
        try self.init(selection) { try Lookup(database: catalog.location(of: $0), rebuildIndex: rebuildIndex) }
    }

    /// Looks up one sentence in every memory and merges the matches (see the type's notes).
    /// - Returns: At most `options.limit` matches scoring at least `options.minimum` after their
    ///   penalty, best first.
    public func run(_ text: String, options: LookupOptions) throws -> [LookupMatch] {
        if members.count == 1, members[0].memory.penalty == 0 {
            let name = members[0].memory.name
            return try members[0].lookup.run(text, options: options).map { match in
                var match = match
                match.memory = name
                return match
            }
        }
        var ranked: [(match: LookupMatch, memory: Int, rank: Int)] = []
        for (position, (memory, lookup)) in members.enumerated() {
            var asked = options
            asked.minimum = options.minimum + memory.penalty
            guard asked.minimum <= 101 else { continue }
            for (rank, found) in try lookup.run(text, options: asked).enumerated() {
                var match = found
                match.score = max(0, match.score - memory.penalty)
                match.memory = memory.name
                match.memoryPenalty = memory.penalty
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
