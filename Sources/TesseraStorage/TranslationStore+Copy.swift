extension TranslationStore {
    /// Restores the whole memory of `source` into this EMPTY store, every id kept: its batches
    /// (``TranslationStore/batches()``), then its units page by page
    /// (``TranslationStore/unitRecords(after:limit:)``), in one transaction of this store
    /// (``TranslationStore/restore(variantHighWater:_:)``). The one copy loop, whatever the two
    /// backends are.
    ///
    /// ```swift
    /// let report = try target.restore(copying: source) { copied in print(copied) }
    /// ```
    ///
    /// - Parameters:
    ///   - source: the store read (it is not changed; a write to it during the copy may or may not
    ///     be copied: each page is its own snapshot).
    ///   - pageSize: units read per page; positive.
    ///   - progress: called after each page with the number of units written so far.
    /// - Returns: the counts written.
    /// - Throws: ``StorageError`` `notEmpty` when this store is not empty; the error of a read of
    ///   `source` or of `progress`; any error leaves this store empty.
    /// - Complexity: O(*n*) for *n* units; memory O(`pageSize`).
    @discardableResult
    package func restore(
        copying source: any TranslationStore, pageSize: Int = 1000, progress: ((Int) throws -> Void)? = nil
    ) throws -> RestoreReport {
        precondition(pageSize > 0, "The page size must be positive.")
        let highWater = try source.variantHighWater()
        let batches = try source.batches()
        return try restore(variantHighWater: highWater) { restorer in
            for batch in batches { try restorer.add(batch) }
            var after: Int64 = 0
            var copied = 0
            while true {
                let page = try source.unitRecords(after: after, limit: pageSize)
                for record in page { try restorer.add(record) }
                copied += page.count
                if !page.isEmpty { try progress?(copied) }
                guard page.count == pageSize, let last = page.last else { return }
                after = last.stored.id
            }
        }
    }
}
