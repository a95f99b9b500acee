import Foundation
import TesseraCore
package import TesseraMatching

/// The match index a session hands to its lookups, re-checked against the store at most once per
/// ``interval`` and at once after each of the session's own writes: the one rule for how fresh a
/// served lookup's index is.
///
/// Checking the store's change position costs SQL reads under the index store's lock; a server
/// answering thousands of lookups a second did that on every request, so all its lookups queued
/// on one lock for a read whose answer almost never changes. Now:
/// - a write through the session (``wrote()``, called by ``TranslationMemory/write(_:)`` when it
///   ends) makes the next lookup check, so a unit written through the session is found at once;
/// - a write by another process (`tessera import` on the same file) is seen by the first lookup
///   that starts more than ``interval`` after the last check;
/// - while one lookup checks (and perhaps catches up from the change feed during an import),
///   the others keep answering from the index last checked instead of waiting for it, unless the
///   session itself wrote since.
///
/// ```swift
/// let fresh = FreshIndex(interval: .milliseconds(100))
/// let index = try fresh.index { try matchIndex.current() }
/// ```
package final class FreshIndex: Sendable {
    /// How long the index last checked is used without asking the store (`tessera serve`'s
    /// sessions and every ``TranslationMemory`` by default).
    package static let defaultInterval: Duration = .milliseconds(100)

    /// The longest a write by another process stays unseen.
    package let interval: Duration
    /// The number of the session's writes that have ended.
    private let writes = Locked(0)
    /// The index last checked, when, and after how many writes.
    private let state = Locked(State())

    private struct State: Sendable {
        var index: MatchIndex?
        var checked = ContinuousClock.Instant.now
        var writes = -1
        var checking = false
    }

    /// An index that checks the store at most once per `interval` (zero: on every call).
    package init(interval: Duration = FreshIndex.defaultInterval) {
        self.interval = interval
    }

    /// The index to answer a lookup with: the one last checked when it is recent enough and no
    /// write of the session ended since, else what `check` returns (the index caught up with the
    /// store now).
    /// - Throws: the error of `check`.
    package func index(check: () throws -> MatchIndex) throws -> MatchIndex {
        let writes = writes.value
        let now = ContinuousClock.now
        let held = state.withLock { state -> MatchIndex? in
            guard let index = state.index, state.writes == writes else {
                state.checking = true
                return nil
            }
            if interval > .zero, now - state.checked < interval || state.checking { return index }
            state.checking = true
            return nil
        }
        if let held { return held }
        do {
            let index = try check()
            state.withLock { state in
                state.checking = false
                // Keep the newest check: an older one that ends later does not replace it.
                if state.index == nil || (writes, now) > (state.writes, state.checked) {
                    (state.index, state.checked, state.writes) = (index, now, writes)
                }
            }
            return index
        } catch {
            state.withLock { $0.checking = false }
            throw error
        }
    }

    /// Records that a write of the session ended: the next lookup checks the store.
    package func wrote() {
        writes.withLock { $0 += 1 }
    }
}
