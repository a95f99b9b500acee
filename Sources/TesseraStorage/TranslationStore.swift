package import TesseraCore
package import TesseraMatching

/// A translation memory as the use cases see it, whatever holds it: batches of units in, units out
/// by id order, filter and page, the kept counts, the pairs the aligner learns from, and
/// concordance search.
///
/// Every call is synchronous and thread-safe: a store is opened once and shared, any thread may
/// call any method, reads never wait for a writer, and writes run one batch at a time (one
/// transaction each). An async front end (a server) runs the calls on a thread pool.
///
/// The SQLite backend is `SQLiteTranslationStore` (module TesseraSQLite); every backend passes the
/// conformance suite in `Tests/StoreConformanceTests`.
///
/// ```swift
/// let store: any TranslationStore = try SQLiteTranslationStore.open(path: "tessera.db")
/// try store.write(units: units, batch: ImportBatch(kind: .aligned, filePath: "a.txt"), policy: .add)
/// try store.forEachUnit(matching: .all) { print($0.id) }
/// ```
package protocol TranslationStore: MatchIndexSource {
    /// Writes one batch of units in ONE transaction: `body` streams units into the writer, and
    /// any error thrown by `body` or by the store undoes everything, the batch record included.
    ///
    /// The units are never held together, so a whole file can be written in one transaction while
    /// it is read.
    ///
    /// - Parameters:
    ///   - batch: where the units come from; kept with them (``MemoryStats/batches``).
    ///   - policy: what happens to a unit that duplicates a stored one (``DuplicatePolicy``).
    ///   - observer: told of every unit written and of the batch's outcome (the match index
    ///     builds its side file from it), in the order of the writes; a rolled-back batch ends with
    ///     ``UnitWriteObserver/batchRolledBack()``.
    ///   - body: feeds units to the writer, which is valid only during the call.
    /// - Returns: the counts of what was written.
    /// - Throws: the error of `body` unchanged, or ``StorageError`` for a failure of the store.
    @discardableResult
    func importBatch(
        _ batch: ImportBatch, policy: DuplicatePolicy, observer: (any UnitWriteObserver)?,
        _ body: (any UnitWriter) throws -> Void
    ) throws -> WriteReport

    /// The unit with the id `id`, or `nil` when the store holds none (never held, or deleted).
    ///
    /// - Throws: ``StorageError`` (`corruptData` for a stored value that cannot be read back).
    func unit(id: Int64) throws(StorageError) -> StoredUnit?

    /// Adds one unit as a new unit of its own batch, in one transaction, with no duplicate check
    /// (it is stored even when it repeats a stored unit); its ``TranslationUnit/origin`` is
    /// stored as is. The unit must have a variant.
    ///
    /// The change feed sees the new variants (their ids are above every id the store ever gave,
    /// deleted ones included), so a match index finds the unit on its next catch-up.
    ///
    /// - Returns: the id of the new unit.
    /// - Throws: ``StorageError``; nothing is written then.
    func addUnit(_ unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Int64

    /// Replaces the variants, props, notes and attributes of the unit `id` with those of `unit`
    /// in one transaction; the unit keeps its id and moves to `batch` (as a unit replaced by an
    /// import does). The unit must have a variant.
    ///
    /// The old variants leave the full-text indexes and the counts, and the change feed records
    /// the unit, so a match index drops the old texts and indexes the new ones on its next
    /// catch-up.
    ///
    /// - Returns: `false` (and nothing written) when there is no unit `id`.
    /// - Throws: ``StorageError``; nothing is written then.
    func replaceUnit(id: Int64, with unit: TranslationUnit, batch: ImportBatch) throws(StorageError) -> Bool

    /// Deletes the unit `id` with its variants, props and notes in one transaction: it leaves the
    /// full-text indexes and the counts, and the change feed records it, so a match index drops it
    /// on its next catch-up. Its variant ids are never given again.
    ///
    /// - Returns: `false` when there is no unit `id`.
    /// - Throws: ``StorageError``; nothing is deleted then.
    func deleteUnit(id: Int64) throws(StorageError) -> Bool

    /// Up to `limit` units with an id greater than `after` that match `filter`, in id order,
    /// read in one snapshot: one page of ``forEachUnit(matching:pageSize:_:)``.
    ///
    /// - Throws: ``StorageError`` (`corruptData` for a stored value that cannot be read back).
    func unitPage(after: Int64, filter: UnitFilter, limit: Int) throws(StorageError) -> [StoredUnit]

    /// Up to `limit` units with an id greater than `after`, in id order, each with the ids of its
    /// variants, read in one snapshot: what a copy reads out of a store (one page; the whole
    /// memory is read page by page, so memory stays bounded).
    ///
    /// - Throws: ``StorageError`` (`corruptData` for a stored value that cannot be read back).
    func unitRecords(after: Int64, limit: Int) throws(StorageError) -> [UnitRecord]

    /// Every import batch in id order, whether or not it still holds units, with all that is
    /// stored of it (``StoredBatch``): the provenance a copy carries over.
    ///
    /// - Throws: ``StorageError`` (`corruptData` for a stored kind or header that cannot be read back).
    func batches() throws(StorageError) -> [StoredBatch]

    /// The highest variant id the store ever gave, the ids of deleted variants included (0 for a
    /// store that never held one): a copy passes it to
    /// ``restore(variantHighWater:_:)`` so the target never gives those ids again.
    func variantHighWater() throws(StorageError) -> Int64

    /// Writes a whole memory read out of another store into this one, which must be EMPTY (no
    /// unit, no batch), in ONE transaction, keeping every id: `body` streams batches and units
    /// (``UnitRecord``: unit ids, batch ids, effective source languages, origins, attributes, props,
    /// notes, variants with their ids) into the restorer, which writes them as they are (no
    /// duplicate check). The counts ``stats()`` reads and the full-text indexes come out as if the
    /// units had been imported; the highest variant id given becomes at least `variantHighWater`.
    ///
    /// Any error thrown by `body` or by the store undoes everything: the store is left empty.
    /// The units are never held together, so a memory of any size is restored in bounded memory.
    ///
    /// ```swift
    /// try target.restore(variantHighWater: try source.variantHighWater()) { restorer in
    ///     for batch in try source.batches() { try restorer.add(batch) }
    ///     var after: Int64 = 0
    ///     while case let page = try source.unitRecords(after: after, limit: 1000), let last = page.last {
    ///         for record in page { try restorer.add(record) }
    ///         after = last.stored.id
    ///     }
    /// }
    /// ```
    ///
    /// - Returns: the counts written.
    /// - Throws: ``StorageError`` `notEmpty` (nothing written) when the store holds a unit or a
    ///   batch; the error of `body` unchanged; ``StorageError`` for a failure of the store.
    @discardableResult
    func restore(variantHighWater: Int64, _ body: (any UnitRestorer) throws -> Void) throws -> RestoreReport

    /// Counts of units, variants, languages, language pairs and batches.
    ///
    /// A unit gives one pair per other language it has: its effective source language to each
    /// distinct other variant language. The counts are kept by every write, so nothing is scanned.
    func stats() throws(StorageError) -> MemoryStats

    /// The number of units per effective source language, most frequent first, then by language.
    func sourceLanguageCounts() throws(StorageError) -> [(language: String, units: Int)]

    /// The source language of every file header imported whose batch still holds units,
    /// distinct (`*all*` included as ``LanguageTag/all``; headers without one left out).
    func headerSourceLanguages() throws(StorageError) -> Set<LanguageTag>

    /// The plain texts of the most recent units (at most `limit`) that hold both languages,
    /// oldest first: for each unit the best variant of each language
    /// (``TranslationUnit/bestVariant(for:)``), only when the two variants differ in language.
    ///
    /// The cost depends on how recent the pair's units are, not on the size of the memory.
    func recentPairs(source: LanguageTag, target: LanguageTag, limit: Int) throws(StorageError)
        -> [(source: String, target: String)]

    /// Concordance: the segments of `language` (same primary language: `en` finds `en-US`) that
    /// contain the query, with the hits marked (``ConcordanceHit/highlightStart`` and
    /// ``ConcordanceHit/highlightEnd``) and the unit's other languages alongside.
    ///
    /// - Parameters:
    ///   - query: the parsed query.
    ///   - language: the language searched.
    ///   - otherLanguage: the language shown alongside (and required of the unit), or `nil` for
    ///     all others.
    ///   - limit: the largest number of hits.
    ///   - pairFilter: with `otherLanguage`, an answer for a variant id to "does its unit also
    ///     hold `otherLanguage`?" (`nil`: cannot tell, the store finds out), from a match index
    ///     current with the store; `nil` when none is at hand.
    /// - Returns: the first hits in variant order and the number of all matching segments.
    func searchConcordance(
        _ query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag?, limit: Int,
        pairFilter: (@Sendable (Int64) -> Bool?)?
    ) throws(StorageError) -> ConcordanceResult
}
