import TesseraCore
package import TesseraMatching

/// The match data (``MatchUnit``) of the units a process's lookups met, kept until the match
/// index learns that they changed: ``MatchIndexStore/matchUnits(_:)`` answers the units it holds
/// and reads only the others from the store.
///
/// A lookup ranks its candidates with their units' data (variants, tuid, dates, props). On
/// PostgreSQL that read is a round trip per lookup (the median lookup was 4.5-7 times SQLite's);
/// on SQLite a read transaction per lookup on a shared pool of readers, on the server's blocking
/// threads. Units change rarely next to how often they are looked up, and the match index already
/// knows which ones did: its catch-up from the change feed (``MatchIndexStore/current()``) names
/// the units it re-indexes, and those leave this cache (all of it when the catch-up does not know
/// them one by one: a rebuild, a side file rewritten by another process).
///
/// A read that began before an eviction is not kept (``insert(_:generation:)`` compares the
/// generation handed out with the units): its data may predate the change the eviction was for.
/// At most ``capacity`` units are held; half are dropped when it is full.
///
/// ```swift
/// let cache = MatchUnitCache()
/// let (known, generation) = cache.units([1, 2])
/// cache.insert(readFromStore, generation: generation)
/// cache.evict([2])
/// ```
package final class MatchUnitCache: Sendable {
    /// The most units held (about 1-2 KB each for a unit with a handful of languages).
    package static let capacity = 50_000

    private struct State: Sendable {
        var units: [Int64: MatchUnit] = [:]
        var generation = 0
    }

    private let state = Locked(State())

    /// An empty cache.
    package init() {}

    /// The cached units among `ids`, and the generation to pass to ``insert(_:generation:)`` for
    /// the ones read from the store.
    package func units(_ ids: [Int64]) -> (known: [Int64: MatchUnit], generation: Int) {
        state.withLock { state in
            var known: [Int64: MatchUnit] = [:]
            for id in ids {
                if let unit = state.units[id] { known[id] = unit }
            }
            return (known, state.generation)
        }
    }

    /// Keeps `units` read from the store, unless an eviction happened since `generation` was
    /// handed out.
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

    /// Drops `units` (changed or deleted); `nil` drops every unit.
    package func evict(_ units: Set<Int64>?) {
        state.withLock { state in
            if let units {
                guard !units.isEmpty else { return }
                for unit in units { state.units[unit] = nil }
            } else {
                state.units = [:]
            }
            state.generation += 1
        }
    }

    /// The number of units held.
    package var count: Int { state.withLock { $0.units.count } }
}
