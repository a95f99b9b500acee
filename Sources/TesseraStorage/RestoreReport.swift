/// What a restore (``TranslationStore/restore(variantHighWater:_:)``) wrote.
public struct RestoreReport: Hashable, Sendable, Codable {
    /// Import batches written.
    public var batches: Int = 0
    /// Units written.
    public var units: Int = 0
    /// Variants written.
    public var variants: Int = 0

    /// Creates a report with the given counts.
    public init(batches: Int = 0, units: Int = 0, variants: Int = 0) {
        self.batches = batches
        self.units = units
        self.variants = variants
    }
}
