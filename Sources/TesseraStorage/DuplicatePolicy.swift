/// What a write does with an incoming unit that duplicates a stored one.
///
/// **Duplicate rule.** An incoming unit duplicates a stored unit when either
/// 1. both have the same set of `(language, markup)` variant pairs, order-independent (compared by
///    a 64-bit content hash of the sorted pairs, then verified on the stored rows), or
/// 2. both have the same non-empty `tuid` and the same markup for the variant in the unit's
///    effective source language (an updated translation of the same unit).
///
/// Under every policy but ``add``, importing the same file twice adds nothing.
///
/// ```swift
/// try tm.write(units: units, batch: batch, policy: .keepNewest)
/// ```
public enum DuplicatePolicy: String, Sendable, CaseIterable, Codable {
    /// Store every incoming unit, duplicates included (no duplicate check: the fastest).
    case add
    /// Replace the stored unit with the incoming one (the stored unit keeps its id).
    case overwrite
    /// Keep the stored unit and skip the incoming one.
    case keepExisting
    /// Replace the stored unit only when the incoming one is newer by `changedate`
    /// (else `creationdate`); a unit without a date is never newer. The default.
    case keepNewest

    /// The default policy, ``keepNewest``.
    public static let `default` = DuplicatePolicy.keepNewest
}
