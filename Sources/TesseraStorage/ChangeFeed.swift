package import TesseraMatching

/// Where a store stands for its match index: the highest variant id and the highest change-log
/// sequence (variants above the one, changes after the other are not yet reflected).
///
/// A match index records the position it reflects; ``MatchIndexSource/changePosition()`` says
/// where the store is now. When the two differ, the index catches up from the change feed
/// (``MatchIndexSnapshot/changedUnits(since:)``).
///
/// ```swift
/// let stored = ChangePosition(maxVariant: 10, sequence: 2)
/// stored.precedes(ChangePosition(maxVariant: 12, sequence: 2))   // true: catch up
/// ```
package struct ChangePosition: Hashable, Sendable, Codable {
    /// The highest variant id (0 for an empty store).
    package var maxVariant: Int64
    /// The highest change-log sequence: edits and deletions (0 when nothing was ever changed).
    package var sequence: Int64

    /// Creates a position.
    package init(maxVariant: Int64, sequence: Int64) {
        self.maxVariant = maxVariant
        self.sequence = sequence
    }

    /// The position of an empty store that never changed.
    package static let origin = ChangePosition(maxVariant: 0, sequence: 0)

    /// Whether an index at this position can be caught up to `later`: neither counter went back
    /// (an index newer than its store, or one of another store, cannot).
    package func precedes(_ later: ChangePosition) -> Bool {
        maxVariant <= later.maxVariant && sequence <= later.sequence
    }
}

/// One variant as the match index reads it: its id, its language tag as stored, its plain text.
package struct IndexedVariant: Hashable, Sendable {
    /// The variant's id (increasing with insertion).
    package var id: Int64
    /// The language tag as stored (a tag that does not parse is left out of the index).
    package var language: String
    /// The plain text (no inline markup).
    package var text: String

    /// Creates a variant.
    package init(id: Int64, language: String, text: String) {
        self.id = id
        self.language = language
        self.text = text
    }
}

/// The store as seen inside one snapshot (a read transaction), so that the position and the data
/// read agree. Calls are synchronous; a front end with async work runs them on a thread pool.
package protocol MatchIndexSnapshot {
    /// The position of the snapshot.
    var position: ChangePosition { get throws }
    /// The units with a variant added after `position`, or edited or deleted since it.
    func changedUnits(since position: ChangePosition) throws -> Set<Int64>
    /// The variants of `unit`, by id; empty when the unit was deleted.
    func variants(ofUnit unit: Int64) throws -> [IndexedVariant]
    /// Calls `body` with every unit and its variants, in unit order, variants by id (a full
    /// scan, streamed: memory stays bounded).
    func forEachUnit(_ body: (Int64, [IndexedVariant]) throws -> Void) throws
    /// The data a match shows for `ids` as this snapshot sees them (units that no longer exist
    /// are absent): what ``MatchIndexSource/matchUnits(_:)`` answers, in this snapshot.
    func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit]
    /// Calls `body` with the match data of every unit that has variants, in increasing unit id
    /// (a full scan, streamed in pages: memory stays bounded). What a local copy of the units'
    /// data is written from (``MatchIndexSource/keepsLocalUnitCopy``).
    func forEachMatchUnit(_ body: (MatchUnit) throws -> Void) throws
}

/// What a match index needs of a store: a change feed to catch up from and the unit data a match
/// shows. Calls are synchronous (`throws`); an async front end runs them on a thread pool.
package protocol MatchIndexSource: Sendable {
    /// An identity for the side file's location (SQLite: the database path; the side file is
    /// this plus `-match`).
    var matchIndexLocation: String { get }
    /// Makes the change feed ready (SQLite: the `match-change` log and its triggers); called once
    /// when an index opens. Writes made before it are seen through the variant ids only.
    func prepareChangeFeed() throws
    /// Where the store stands now. Cheap (SQLite: two `max()` reads), so that a long-running
    /// reader can compare it before every lookup.
    func changePosition() throws -> ChangePosition
    /// Runs `body` inside one read snapshot.
    func withSnapshot<T>(_ body: (any MatchIndexSnapshot) throws -> T) throws -> T
    /// The data a match shows for `ids` (units that no longer exist are absent).
    func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit]
    /// Whether each reading process keeps a local copy of every unit's match data beside its
    /// side file (`<side file>-units`), so that a lookup reads no unit from the store: `true`
    /// where a read is a round trip to a server (PostgreSQL), `false` where it is a local read
    /// anyway (SQLite, whose copy would only double the disk used).
    var keepsLocalUnitCopy: Bool { get }
}
