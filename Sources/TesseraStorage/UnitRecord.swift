/// A unit with everything that identifies it in its store: the ``StoredUnit`` (unit id, batch id,
/// effective source language, the unit) and the ids of its variants, in variant order.
///
/// Read by ``TranslationStore/unitRecords(after:limit:)`` and written back unchanged by
/// ``UnitRestorer/add(_:)-(UnitRecord)``: the change feed and the match index key on variant ids,
/// so a copy keeps them.
package struct UnitRecord: Hashable, Sendable {
    /// The unit with its id, batch id and effective source language.
    package var stored: StoredUnit
    /// The id of each variant of ``StoredUnit/unit``, in the same order.
    package var variantIDs: [Int64]

    /// Creates a record; `variantIDs` has one id per variant of `stored.unit`.
    package init(stored: StoredUnit, variantIDs: [Int64]) {
        self.stored = stored
        self.variantIDs = variantIDs
    }
}
