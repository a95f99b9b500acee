public import TesseraStorage

/// What ``CopyStore`` copied: each memory with its counts, the glossaries and the API keys.
public struct CopyReport: Hashable, Sendable, Codable {
    /// One memory copied.
    public struct Memory: Hashable, Sendable, Codable {
        /// The memory's name (`default` for the store itself).
        public var name: String
        /// Import batches, units and variants written.
        public var batches: Int
        /// Units written.
        public var units: Int
        /// Variants written.
        public var variants: Int
    }

    /// The store read.
    public var source: String
    /// The store written.
    public var target: String
    /// The memories, `default` first, then the named ones by name.
    public var memories: [Memory]
    /// The glossaries, by name, with their counts.
    public var glossaries: [GlossaryWriteReport]
    /// The number of API keys copied.
    public var apiKeys: Int

    /// Units of all memories.
    public var units: Int { memories.reduce(0) { $0 + $1.units } }
}

extension CopyReport {
    /// The human-readable summary: one line per memory, then the glossaries and the keys.
    public var summary: String {
        var lines = ["Copied \(source) to \(target):"]
        for memory in memories {
            lines.append(
                "  memory \(memory.name): \(Plural.count(memory.units, "unit")), \(Plural.count(memory.variants, "variant")), "
                    + Plural.count(memory.batches, "import batch", "import batches"))
        }
        let terms = glossaries.reduce(0) { $0 + $1.terms }
        lines.append("  \(Plural.count(glossaries.count, "glossary", "glossaries")) (\(Plural.count(terms, "term")))")
        lines.append("  \(Plural.count(apiKeys, "API key"))")
        return lines.joined(separator: "\n")
    }
}
