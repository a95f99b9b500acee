/// The hits of a concordance search and how many segments match in all.
public struct ConcordanceResult: Sendable, Hashable {
    /// The first hits, in variant order (oldest first), at most the limit asked for.
    public var hits: [ConcordanceHit]
    /// The number of segments that match (at least `hits.count`; more when the hits were cut at
    /// the limit).
    public var total: Int

    /// Creates a result.
    public init(hits: [ConcordanceHit], total: Int) {
        self.hits = hits
        self.total = total
    }
}
