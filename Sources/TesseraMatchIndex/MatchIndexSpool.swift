#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
package import TesseraMatching

/// Builds a match index file in bounded memory: entries are appended to temporary column files
/// as they come (an import's writing thread), and ``finish(writingTo:header:generation:)`` turns
/// them into the side-file format that ``MatchIndex/init(mapping:offset:)`` reads, inverting the postings
/// in passes of bounded size.
///
/// What stays in memory while entries stream in is the ``vocabulary`` (distinct words and
/// languages) and the units removed since the spool started; the columns (ids, units, languages,
/// masks, lengths, token counts, tokens) live in files next to the output. An index built by
/// ``MatchIndex/add(unit:variants:)`` from the same entries in the same order has the same bytes.
///
/// ```swift
/// let spool = try MatchIndexSpool(prefix: "tm.db-match")
/// let analysis = spool.vocabulary.analyse("Open the file", language: en)
/// try spool.append(unit: 1, variants: [(id: 10, analysis: analysis)])
/// try spool.finish(writingTo: "tm.db-match", header: [], generation: 1)
/// let index = try MatchIndex(mapping: MappedRegion(path: "tm.db-match"))
/// ```
///
/// Units can be removed (``remove(unit:)``: a replaced unit's old entries are dropped at the end)
/// and a stretch of appends undone (``mark()``, ``rollback(to:)``: a failed import file).
package final class MatchIndexSpool: @unchecked Sendable {
    // @unchecked Sendable: used by one thread at a time (the writer appends; the caller finishes
    // after the writer is done). The vocabulary has its own rule (see MatchIndexVocabulary).

    /// Where a spool stood: what ``rollback(to:)`` goes back to.
    package struct Mark: Sendable {
        let entries: Int
        let tokens: Int
        let removed: [Int64: Int]
    }

    /// The token and language tables the entries refer to.
    package let vocabulary: MatchIndexVocabulary
    let ids: SpoolColumn<Int64>
    let units: SpoolColumn<Int64>
    let languages: SpoolColumn<UInt16>
    let masks: SpoolColumn<UInt64>
    let lengths: SpoolColumn<UInt16>
    let counts: SpoolColumn<UInt32>
    let tokens: SpoolColumn<UInt32>
    /// The path prefix of the temporary files.
    let prefix: String
    /// Units removed since the spool started: entries before the position are dropped.
    var removedBefore: [Int64: Int] = [:]

    /// The number of postings inverted per pass of ``finish(writingTo:header:generation:)``
    /// (4 bytes each): the bound of its memory beyond the vocabulary.
    package static let postingsPerPass = 4 << 20

    /// Creates an empty spool whose temporary files are `prefix.spool-PID-N.*`, N a serial of the
    /// process, so two spools never share a name, even in one process (the column files
    /// are unlinked as soon as they are open). It first removes the files that the spools of
    /// processes no longer running left under `prefix` (``removeLeftovers(of:)``).
    /// - Parameters:
    ///   - prefix: A path in the folder where the index file will be written.
    ///   - vocabulary: The tables to continue (``MatchIndexVocabulary/init(continuing:)``), or a new one.
    /// - Throws: ``MatchingError`` `cannotWrite` when the temporary files cannot be created.
    package init(prefix: String, vocabulary: MatchIndexVocabulary = MatchIndexVocabulary()) throws {
        Self.removeLeftovers(of: prefix)
        let base = "\(prefix).spool-\(getpid())-\(Self.nextSerial())"
        self.prefix = base
        self.vocabulary = vocabulary
        ids = try SpoolColumn(path: base + ".ids")
        units = try SpoolColumn(path: base + ".units")
        languages = try SpoolColumn(path: base + ".langs")
        masks = try SpoolColumn(path: base + ".masks")
        lengths = try SpoolColumn(path: base + ".lengths")
        counts = try SpoolColumn(path: base + ".counts")
        tokens = try SpoolColumn(path: base + ".tokens")
    }

    /// A spool that starts with every live entry of `index` (the vocabulary continues the
    /// index's tables), so that new entries can be added and old units removed.
    ///
    /// - Complexity: O(size of the index), streamed.
    package convenience init(prefix: String, continuing index: MatchIndex) throws {
        try self.init(prefix: prefix, vocabulary: MatchIndexVocabulary(continuing: index))
        for entry in 0..<index.entryCount where !index.removed.contains(UInt32(entry)) {
            try ids.append(index.entryIDs[entry])
            try units.append(index.entryUnits[entry])
            try languages.append(index.entryLanguages[entry])
            try masks.append(index.entryUnitMasks[entry])
            try lengths.append(index.entryCharLengths[entry])
            let entryTokens = index.tokens(of: entry)
            try counts.append(UInt32(entryTokens.count))
            try tokens.append(contentsOf: entryTokens)
        }
    }

    private static let serial = Atomic<Int>(0)
    private static func nextSerial() -> Int { serial.wrappingAdd(1, ordering: .relaxed).newValue }

    /// The number of entries appended (removed ones included).
    package var entryCount: Int { ids.count }

    /// Appends the variants of one unit, in order. A unit with no variants adds nothing.
    /// - Throws: ``MatchingError`` `cannotWrite` when a temporary file cannot be written.
    /// - Complexity: O(number of tokens).
    package func append(unit: Int64, variants: [(id: Int64, analysis: MatchIndexAnalysis)]) throws {
        guard !variants.isEmpty else { return }
        var mask: UInt64 = 0
        for variant in variants { mask |= MatchIndex.bit(variant.analysis.language) }
        for (id, analysis) in variants {
            try ids.append(id)
            try units.append(unit)
            try languages.append(analysis.language)
            try masks.append(mask)
            try lengths.append(analysis.characterLength)
            try counts.append(UInt32(analysis.tokens.count))
            try tokens.append(contentsOf: analysis.tokens)
        }
    }

    /// Drops every entry of `unit` appended so far (the unit is being replaced; its new variants
    /// may be appended after this call).
    package func remove(unit: Int64) {
        removedBefore[unit] = ids.count
    }

    /// The current position, for ``rollback(to:)``.
    package func mark() -> Mark {
        Mark(entries: ids.count, tokens: tokens.count, removed: removedBefore)
    }

    /// Undoes every append and removal made after `mark`.
    /// - Throws: ``MatchingError`` `cannotWrite` when a temporary file cannot be shortened.
    package func rollback(to mark: Mark) throws {
        try ids.truncate(to: mark.entries)
        try units.truncate(to: mark.entries)
        try languages.truncate(to: mark.entries)
        try masks.truncate(to: mark.entries)
        try lengths.truncate(to: mark.entries)
        try counts.truncate(to: mark.entries)
        try tokens.truncate(to: mark.tokens)
        removedBefore = mark.removed
    }
}
