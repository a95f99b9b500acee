public import TesseraStorage

/// Keeps the fuzzy-match side file (`tessera.db-match`) in step with the translation memory.
/// Every Kit path that writes units (``ImportTMX``, `align --store`) calls ``update(_:)`` once
/// at its end, so the first lookup after a write maps the file and builds nothing.
///
/// ```swift
/// let memory = try TranslationMemory.open(path: "tm.db")
/// try LookupIndex.update(memory)
/// ```
public enum LookupIndex {
    /// Brings the side file up to date: catch-up of new variant ids and of the change log, then a
    /// rewrite (temporary file and rename, so a concurrent `lookup` keeps its mapped copy); a
    /// missing or unreadable file is built from the database.
    ///
    /// - Parameter memory: The translation memory just written.
    /// - Returns: What was done (rebuilt, units re-indexed, file size).
    /// - Throws: `StorageError` when the database cannot be read or the file cannot be written.
    /// - Complexity: O(size of the index) when anything changed, O(1) when nothing did.
    @discardableResult
    public static func update(_ memory: TranslationMemory) throws -> MatchIndexFile.Loaded {
        try MatchIndexFile.update(memory)
    }
}
