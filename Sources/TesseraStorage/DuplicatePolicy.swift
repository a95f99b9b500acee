/// What a write does with an incoming unit that duplicates a stored one.
///
/// **Duplicate rule** (``DuplicateKey``, Docs/STORAGE.md). An incoming unit with a non-empty
/// `tuid` duplicates a stored unit with the same tuid, effective source language and source
/// markup; a unit without a tuid duplicates a stored unit without a tuid that has the same set of
/// `(language, markup)` variant pairs, order-independent. Units with different tuids are never
/// duplicates, whatever their texts.
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

extension DuplicatePolicy {
    /// Whether an incoming unit replaces the stored unit it duplicates (`false`: it is skipped).
    /// - Parameters:
    ///   - stored: the stored unit's packed change date (``ChangeDate``), if any.
    ///   - incoming: the incoming unit's packed change date, if any.
    package func replaces(stored: Int64?, with incoming: Int64?) -> Bool {
        switch self {
        case .add, .overwrite: return true
        case .keepExisting: return false
        case .keepNewest:
            guard let incoming else { return false }
            return stored.map { incoming > $0 } ?? true
        }
    }
}
