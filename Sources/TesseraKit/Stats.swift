public import TesseraStorage

/// The `stats` use case: counts of units, variants, languages and language pairs of a memory.
///
/// ```swift
/// let stats = try Stats(database: StoreLocation(option: "tm.db")).run()
/// print(stats.units)
/// ```
public struct Stats: Sendable {
    /// The memory to describe.
    public var database: StoreLocation

    /// Creates the use case.
    public init(database: StoreLocation) { self.database = database }

    /// Reads the counts.
    ///
    /// - Throws: ``KitError`` `noDatabase` when the file does not exist; `StorageError`.
    public func run() throws -> MemoryStats {
        guard database.exists else {
            throw KitError(.noDatabase, "No translation memory at \(database).")
        }
        return try StoreOpener.translationStore(database).stats()
    }

    /// Reads the counts of an open session (a server): its store, no new connection.
    /// - Throws: ``KitError`` `.closed`; `StorageError`.
    public static func run(in session: TranslationMemory) throws -> MemoryStats {
        try session.openStore().stats()
    }
}

extension MemoryStats {
    /// The counts as human-readable lines.
    public var summary: String {
        var lines = ["Units:     \(units)", "Variants:  \(variants)", "Languages: \(languages.count)"]
        for language in languages { lines.append("  \(language.language)\t\(language.variants)") }
        lines.append("Language pairs: \(pairs.count)")
        for pair in pairs { lines.append("  \(pair.source) -> \(pair.target)\t\(pair.units)") }
        lines.append("Batches:   \(batches.count)")
        for batch in batches {
            lines.append("  #\(batch.id) \(batch.kind) \(batch.filePath.isEmpty ? "-" : batch.filePath)\t\(Plural.count(batch.units, "unit"))")
        }
        return lines.joined(separator: "\n")
    }
}
