/// Counts describing a translation memory, as `tessera stats` prints them.
public struct MemoryStats: Hashable, Sendable, Codable {
    /// Variants of one language.
    public struct LanguageCount: Hashable, Sendable, Codable {
        /// The canonical language tag.
        public var language: String
        /// The number of variants in that language.
        public var variants: Int

        /// Creates a count.
        public init(language: String, variants: Int) {
            self.language = language
            self.variants = variants
        }
    }

    /// Units translating from one language into another.
    public struct PairCount: Hashable, Sendable, Codable {
        /// The effective source language of the units.
        public var source: String
        /// A target language (any other variant language of the units).
        public var target: String
        /// The number of units with that pair.
        public var units: Int

        /// Creates a count.
        public init(source: String, target: String, units: Int) {
            self.source = source
            self.target = target
            self.units = units
        }
    }

    /// One import batch.
    public struct Batch: Hashable, Sendable, Codable {
        /// The batch id.
        public var id: Int64
        /// `tmx` or `aligned`.
        public var kind: String
        /// The file path as given on import.
        public var filePath: String
        /// When the batch started (ISO 8601).
        public var startedAt: String
        /// When the batch was committed (ISO 8601).
        public var finishedAt: String?
        /// Units currently stored from that batch.
        public var units: Int

        /// Creates a batch entry.
        public init(id: Int64, kind: String, filePath: String, startedAt: String, finishedAt: String?, units: Int) {
            self.id = id
            self.kind = kind
            self.filePath = filePath
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.units = units
        }
    }

    /// The number of units.
    public var units: Int
    /// The number of variants.
    public var variants: Int
    /// Variants per language, most frequent first.
    public var languages: [LanguageCount]
    /// Units per source -> target pair, most frequent first.
    public var pairs: [PairCount]
    /// The import batches in id order.
    public var batches: [Batch]

    /// Creates statistics.
    public init(units: Int, variants: Int, languages: [LanguageCount], pairs: [PairCount], batches: [Batch]) {
        self.units = units
        self.variants = variants
        self.languages = languages
        self.pairs = pairs
        self.batches = batches
    }
}
