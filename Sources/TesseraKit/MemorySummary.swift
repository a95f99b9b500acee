public import TesseraStorage

/// One line of a memory list (`tessera memory list`, `GET /api/v1/memories`): its name and counts.
public struct MemorySummary: Sendable, Hashable, Codable {
    /// The memory.
    public var name: MemoryName
    /// Its units.
    public var units: Int
    /// Its variants (segments).
    public var variants: Int
    /// Variants per language, most frequent first (as ``MemoryStats``).
    public var languages: [MemoryStats.LanguageCount]

    /// The summary of memory `name` from its counts.
    public init(name: MemoryName, stats: MemoryStats) {
        self.name = name
        units = stats.units
        variants = stats.variants
        languages = stats.languages
    }

    /// Every memory of `catalog`, default first (one-shot use: opens each store in turn).
    /// - Throws: ``KitError`` `noDatabase` when the store's file does not exist; storage errors.
    public static func all(in catalog: MemoryCatalog) throws -> [MemorySummary] {
        try catalog.names().map { name in
            MemorySummary(name: name, stats: try Stats(database: catalog.location(of: name)).run())
        }
    }

    /// One line of text: `legal: 12 units, 24 variants (de, en)`.
    public var line: String {
        "\(name): \(Plural.count(units, "unit")), \(Plural.count(variants, "variant"))"
            + (languages.isEmpty ? "" : " (\(languages.map(\.language).joined(separator: ", ")))")
    }
}
