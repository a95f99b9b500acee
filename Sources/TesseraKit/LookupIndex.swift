public import TesseraSQLite

/// Keeps the fuzzy-match side file (`tessera.db-match`) in step with the translation memory.
///
/// ``ImportTMX`` builds the side file while it writes (a ``MatchIndexUpdate``) and needs nothing
/// more; other writers (`align --store`) and an import that could not follow its writes call
/// ``updateAfterWrite(_:)`` once at their end, so the first lookup after a write maps the file and
/// builds nothing.
///
/// ```swift
/// let memory = try SQLiteTranslationStore.open(path: "tm.db")
/// try LookupIndex.update(memory)
/// ```
public enum LookupIndex {
    /// Brings the side file up to date: catch-up of new variant ids and of the change log into a
    /// new file (temporary file and rename, so a concurrent `lookup` keeps its mapped copy); a
    /// missing or unreadable file is built from the database. Memory stays bounded whatever the
    /// size of the memory (``MatchIndexSpool``).
    ///
    /// - Parameter memory: The translation memory just written.
    /// - Returns: What was done (rebuilt, units re-indexed, file size).
    /// - Throws: `StorageError` when the database cannot be read or the file cannot be written.
    /// - Complexity: O(size of the index) when anything changed, O(1) when nothing did.
    @discardableResult
    public static func update(_ memory: SQLiteTranslationStore) throws -> MatchIndexFile.Loaded {
        try MatchIndexFile.update(memory)
    }

    /// Calls ``update(_:)``; a failure only defers the work to the next lookup.
    ///
    /// - Returns: Whether the side file was brought up to date.
    @discardableResult
    public static func updateAfterWrite(_ memory: SQLiteTranslationStore) -> Bool {
        (try? update(memory)) != nil
    }
}
