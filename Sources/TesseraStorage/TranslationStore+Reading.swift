package import TesseraCore
package import TesseraMatching

extension TranslationStore {
    /// Calls `body` with every unit matching `filter`, in id order, reading one page of units at
    /// a time (each page is its own snapshot), so memory stays flat whatever the size.
    ///
    /// Synchronous and thread-safe, like every call of a store.
    ///
    /// ```swift
    /// try store.forEachUnit(matching: UnitFilter(source: LanguageTag("en"))) { stored in
    ///     print(stored.unit.variants.count)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - filter: the languages a unit must have.
    ///   - pageSize: units per read; positive.
    ///   - body: called once per unit; an error it throws stops the reading and is rethrown.
    /// - Complexity: O(*n*) units read, a constant number of reads per page.
    package func forEachUnit(
        matching filter: UnitFilter = .all, pageSize: Int = 1000, _ body: (StoredUnit) throws -> Void
    ) throws {
        precondition(pageSize > 0, "The page size must be positive.")
        var after: Int64 = 0
        while true {
            let page = try unitPage(after: after, filter: filter, limit: pageSize)
            for unit in page { try body(unit) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.id
        }
    }

    /// All units matching `filter`; for small memories and tests (use
    /// ``forEachUnit(matching:pageSize:_:)`` otherwise).
    package func allUnits(matching filter: UnitFilter = .all) throws -> [StoredUnit] {
        var units: [StoredUnit] = []
        try forEachUnit(matching: filter) { units.append($0) }
        return units
    }

    /// Writes `units` in one batch (one transaction); a convenience over
    /// ``importBatch(_:policy:_:)``.
    ///
    /// ```swift
    /// try store.write(units: [unit], batch: ImportBatch(kind: .aligned, filePath: ""), policy: .add)
    /// ```
    ///
    /// - Parameters:
    ///   - units: the units, read lazily.
    ///   - batch: where the units come from.
    ///   - policy: the duplicate policy.
    /// - Returns: the counts of what was written.
    /// - Throws: ``StorageError``; nothing is written then.
    @discardableResult
    package func write(
        units: some Sequence<TranslationUnit>, batch: ImportBatch, policy: DuplicatePolicy = .default
    ) throws(StorageError) -> WriteReport {
        do {
            return try importBatch(batch, policy: policy) { writer in
                for unit in units { try writer.add(unit) }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.sqlite, "\(error)")
        }
    }

    /// Writes one batch with no observer; see ``importBatch(_:policy:observer:_:)``.
    @discardableResult
    package func importBatch(
        _ batch: ImportBatch, policy: DuplicatePolicy = .default, _ body: (any UnitWriter) throws -> Void
    ) throws -> WriteReport {
        try importBatch(batch, policy: policy, observer: nil, body)
    }

    /// Concordance without a pair filter; see
    /// ``searchConcordance(_:language:otherLanguage:limit:pairFilter:)``.
    package func searchConcordance(
        _ query: ConcordanceQuery, language: LanguageTag, otherLanguage: LanguageTag? = nil, limit: Int = 20
    ) throws(StorageError) -> ConcordanceResult {
        try searchConcordance(query, language: language, otherLanguage: otherLanguage, limit: limit, pairFilter: nil)
    }
}
