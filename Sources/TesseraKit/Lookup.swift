import Foundation
import TesseraCore
public import TesseraMatching
public import TesseraMatchIndex
package import TesseraStorage

/// The lookup use case: opens the translation memory and its match index once, then answers any
/// number of queries (one process, one database open for a whole batch file).
///
/// ```swift
/// let lookup = try Lookup(database: StoreLocation(option: "tm.db"))
/// let matches = try lookup.run("Open the file", options: LookupOptions(source: en, targets: [de]))
/// matches.first?.score   // 100
/// ```
public final class Lookup: Sendable {
    /// The translation memory.
    package let memory: any TranslationStore
    /// Where the candidates' unit data comes from: the match index store's cache in front of the
    /// memory (``MatchIndexStore/matchUnits(_:)``).
    private let indexStore: MatchIndexStore
    /// The match index, current with the database when the lookup was opened.
    public let index: MatchIndex
    /// How the index was loaded (rebuilt, units updated, side-file size) by ``init(database:rebuildIndex:)``;
    /// `nil` for a lookup on a session (its index is kept current by the session).
    public let indexState: MatchIndexStore.Loaded?

    /// Opens the memory and loads (or builds) its match index.
    /// - Throws: ``KitError`` `noDatabase` when the file does not exist; storage errors.
    public convenience init(database: StoreLocation, rebuildIndex: Bool = false) throws {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database).") }
        let session = try TranslationMemory(location: database)
        let loaded = try session.loadIndex(rebuild: rebuildIndex)
        self.init(memory: try session.openStore(), indexStore: session.matchIndex, index: loaded.index, indexState: loaded)
    }

    /// A lookup on an open session, with the session's index as it is now: caught up from the
    /// change feed when the memory moved since the session's last lookup (its own imports and
    /// other processes' writes), the same index when nothing moved (two `max()` reads). Cheap:
    /// make one per query or per batch.
    /// - Throws: ``KitError`` `closed`; storage errors.
    public convenience init(session: TranslationMemory) throws {
        self.init(memory: session.store, indexStore: session.matchIndex, index: try session.currentIndex(), indexState: nil)
    }

    private init(memory: any TranslationStore, indexStore: MatchIndexStore, index: MatchIndex, indexState: MatchIndexStore.Loaded?) {
        self.memory = memory
        self.indexStore = indexStore
        self.index = index
        self.indexState = indexState
    }

    /// Looks up one sentence: searches the index, reads the candidates' units and ranks them with
    /// ``FuzzyMatcher``.
    ///
    /// - Parameters:
    ///   - text: The query sentence (plain text).
    ///   - options: Languages, threshold, number of matches, context.
    /// - Returns: At most `options.limit` matches scoring at least `options.minimum`, best first.
    /// - Complexity: one index search (see ``MatchIndex/search(_:)``) and, for the candidates not
    ///   yet cached, one read of their units.
    public func run(_ text: String, options: LookupOptions) throws -> [LookupMatch] {
        let query = MatchText(text, language: options.source)
        let request = MatchRequest(
            query: query, sourceLanguage: options.source, targetLanguages: options.targets,
            minimum: min(options.minimum, 100), limit: options.limit)
        let candidates = options.exhaustive ? index.exhaustiveSearch(request) : index.search(request)
        guard !candidates.isEmpty, options.limit > 0 else { return [] }
        let units = try indexStore.matchUnits(candidates.map(\.unit))
        let matcher = FuzzyMatcher(
            minimum: options.minimum, limit: options.limit, targets: options.targets, context: options.context)
        return matcher.matches(query, candidates: candidates, units: units).map(LookupMatch.init)
    }
}
