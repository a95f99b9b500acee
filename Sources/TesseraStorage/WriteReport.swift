/// What one write (one import batch) did.
///
/// ```swift
/// let report = try tm.write(units: units, batch: batch, policy: .keepExisting)
/// print(report.added, report.duplicates)
/// ```
public struct WriteReport: Hashable, Sendable, Codable {
    /// The id of the import batch row written.
    public var batchID: Int64
    /// Units received from the caller.
    public var received: Int = 0
    /// Units stored as new rows.
    public var added: Int = 0
    /// Stored units replaced by an incoming duplicate (`overwrite`, `keepNewest`).
    public var replaced: Int = 0
    /// Incoming duplicates skipped (`keepExisting`, or `keepNewest` when not newer).
    public var skippedDuplicates: Int = 0
    /// Incoming units skipped because they had no variant.
    public var skippedEmpty: Int = 0

    /// Incoming units found to duplicate a stored one (replaced or skipped).
    public var duplicates: Int { replaced + skippedDuplicates }

    /// Creates an empty report for a batch.
    public init(batchID: Int64) { self.batchID = batchID }
}
