/// The limits every request is held to; over one, the answer is a 4xx with a JSON message.
public struct ServiceLimits: Sendable, Hashable {
    /// The largest request body, in bytes (413 over it).
    public var maxBodyBytes = 1 << 20
    /// The longest query text, in Unicode scalars (Weblate's limit: 2,000; 400 over it).
    public var maxQueryLength = 2_000
    /// The most queries in one batch lookup (400 over it).
    public var maxBatch = 100
    /// The most matches a lookup may ask for.
    public var maxMatches = 50
    /// The largest upload to `POST /api/v1/import`, in bytes (413 over it; 2 GiB). The upload is
    /// written to a file as it arrives, so this bounds the disk, not the memory.
    public var maxUploadBytes = 2 << 30

    /// The defaults above.
    public init() {}
}
