public import TesseraStorage

/// Keeps the fuzzy-match side file (`tessera.db-match`) in step with the translation memory.
/// Every Kit path that writes units (``ImportTMX``, `align --store`) calls ``updateAfterWrite(_:)``
/// once at its end, so the first lookup after a write maps the file and builds nothing; a memory
/// larger than ``writeUpdateLimit`` variants is caught up by the first lookup instead.
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

    /// The largest memory (in variants) whose index a write brings up to date at its end.
    ///
    /// Updating rewrites the whole side file and, at a million units, needs about 16 s and 630 MB:
    /// more than the import itself is allowed (the import stays under 200 MB whatever the file
    /// size). Past this bound the side file is caught up by the first lookup instead, which gives
    /// the same answers. 200,000 variants keep the update under about 2 s and 150 MB.
    public static let writeUpdateLimit = 200_000

    /// Calls ``update(_:)`` when the memory holds at most ``writeUpdateLimit`` variants; a larger
    /// memory is left for the next lookup to catch up. Failures only defer the work.
    ///
    /// - Returns: Whether the side file was brought up to date.
    @discardableResult
    public static func updateAfterWrite(_ memory: TranslationMemory) -> Bool {
        guard let bound = try? memory.variantIDBound(), bound <= writeUpdateLimit else { return false }
        return (try? update(memory)) != nil
    }
}
