import TesseraCore
package import TesseraMatching
package import TesseraStorage

/// The match data (``MatchUnit``) a serving process last read from PostgreSQL, kept current with
/// the change feed: what makes a fuzzy lookup on PostgreSQL cost about what it costs on SQLite
/// once the units a query set meets have been read once.
///
/// A lookup reads the units its candidates belong to. On SQLite that read is in-process; on
/// PostgreSQL it is a round trip per lookup, which made the median lookup 5-7 times SQLite's.
/// The cache answers the units it holds and reads only the others.
///
/// It stays correct with the same change feed the match index catches up from:
/// - it knows the ``ChangePosition`` it reflects; when the store reports a later one
///   (``PostgresTranslationStore/changePosition()``, which a serving session asks at most every
///   100 ms), the units changed in between are evicted (or everything, past ``evictAllThreshold``);
/// - a unit read from the database is kept only when no eviction happened since the read began
///   (the ``generation`` check), so a slow read of a unit edited meanwhile cannot put old data
///   back after its eviction;
/// - when nobody asked for the position for ``maxAge``, the next ``PostgresTranslationStore/matchUnits(_:)``
///   asks itself, so a unit edited by another process is never served stale for longer.
///
/// It holds at most ``capacity`` units (half are dropped when it is full).
///
/// ```swift
/// let cache = PostgresMatchUnitCache()
/// let (known, generation) = cache.units([1, 2])
/// cache.insert(readFromDatabase, generation: generation)
/// ```
package final class PostgresMatchUnitCache: Sendable {
    /// The most units held (about 1-2 KB each for a unit with a handful of languages).
    package static let capacity = 50_000
    /// Changed units from which a catch-up drops the whole cache instead of reading their ids.
    package static let evictAllThreshold = 10_000
    /// The longest the cache answers without the store's position having been read.
    package static let maxAge: Duration = .seconds(1)

    private struct State: Sendable {
        var units: [Int64: MatchUnit] = [:]
        var position: ChangePosition?
        var generation = 0
        var checked = ContinuousClock.now
    }

    private let state = Locked(State())

    /// An empty cache; it answers nothing before its first ``moved(from:to:changed:)``.
    package init() {}

    /// The position the cache reflects, when it was last checked less than ``maxAge`` ago; `nil`
    /// when it must be checked before answering (never checked, or too long ago).
    package var freshPosition: ChangePosition? {
        state.withLock { state in
            guard let position = state.position, ContinuousClock.now - state.checked < Self.maxAge else { return nil }
            return position
        }
    }

    /// The position the cache reflects, however old (`nil` before the first check).
    package var position: ChangePosition? { state.withLock { $0.position } }

    /// The cached units among `ids`, and the generation to pass to ``insert(_:generation:)`` for
    /// the ones read from the database.
    package func units(_ ids: [Int64]) -> (known: [Int64: MatchUnit], generation: Int) {
        state.withLock { state in
            var known: [Int64: MatchUnit] = [:]
            for id in ids {
                if let unit = state.units[id] { known[id] = unit }
            }
            return (known, state.generation)
        }
    }

    /// Keeps `units` read from the database, unless an eviction happened since `generation` was
    /// handed out (the read may predate a change that eviction was for).
    package func insert(_ units: [Int64: MatchUnit], generation: Int) {
        guard !units.isEmpty else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.units.count + units.count > Self.capacity {
                state.units = Dictionary(uniqueKeysWithValues: state.units.prefix(Self.capacity / 2).map { ($0.key, $0.value) })
            }
            state.units.merge(units) { _, new in new }
        }
    }

    /// Records that the store is at `position`, with `changed` the units changed since `from`
    /// (`nil`: unknown, drop everything). When the cache was not at `from` (a concurrent check
    /// moved it), everything is dropped as well.
    package func moved(from: ChangePosition?, to position: ChangePosition, changed: Set<Int64>?) {
        state.withLock { state in
            state.checked = .now
            guard state.position != position else { return }
            if let changed, state.position == from {
                if !changed.isEmpty {
                    for unit in changed { state.units[unit] = nil }
                    state.generation += 1
                }
            } else {
                state.units = [:]
                state.generation += 1
            }
            state.position = position
        }
    }

    /// The number of units held (for tests).
    package var count: Int { state.withLock { $0.units.count } }
}
