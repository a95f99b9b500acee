import Foundation
public import TesseraCore
import TesseraMatchIndex
import TesseraMatching
import TesseraStorage

/// The concordance use case: segments of one language containing a phrase or words, hits marked,
/// the other language alongside.
///
/// ```swift
/// let result = try Concordance(database: location).run("save file", language: LanguageTag("en")!, other: LanguageTag("de"))
/// result.lines.first?.highlighted   // "«Save file» as" (with the default markers)
/// result.total                      // 57: every matching segment, also those beyond the limit
/// ```
public struct Concordance: Sendable {
    /// Which words a segment must contain.
    public enum Mode: String, Sendable, CaseIterable {
        /// The words together, in order.
        case phrase
        /// All the words, anywhere.
        case words
    }

    /// One segment found.
    public struct Line: Sendable, Hashable, Codable {
        /// The unit's row id.
        public var unit: Int64
        /// The language of the segment searched.
        public var language: LanguageTag
        /// The segment's plain text.
        public var text: String
        /// The text with each hit between `open` and `close`.
        public var highlighted: String
        /// The UTF-16 ranges of the hits in ``text``.
        public var hits: [Range<Int>]
        /// The unit's other languages (language tag and text), filtered by `other`.
        public var others: [Other]
    }

    /// The lines found and how many segments match in all.
    public struct Result: Sendable, Hashable, Codable {
        /// The lines shown, at most the limit asked for.
        public var lines: [Line]
        /// The number of segments that match; more than `lines.count` when the lines were cut at
        /// the limit (`--max`).
        public var total: Int

        /// Whether lines were left out because of the limit.
        public var isCut: Bool { total > lines.count }
    }

    /// A language version shown alongside.
    public struct Other: Sendable, Hashable, Codable {
        /// Its language.
        public var language: LanguageTag
        /// Its plain text.
        public var text: String
    }

    /// The database.
    public var database: StoreLocation

    /// Creates the use case.
    public init(database: StoreLocation) { self.database = database }

    /// Searches `phrase` in an open session (a server): with a pair, the session's match index
    /// answers when there is a side file (caught up with the memory's writes), else the database.
    ///
    /// - Returns: The hits, best first; empty for a phrase with no word.
    /// - Throws: ``KitError`` `closed`; storage errors.
    /// - Complexity: see ``run(_:language:other:mode:limit:open:close:)``.
    public static func run(
        _ phrase: String, in session: TranslationMemory, language: LanguageTag, other: LanguageTag? = nil,
        mode: Mode = .phrase, limit: Int = 20, open: String = "«", close: String = "»"
    ) throws -> Result {
        guard let query = ConcordanceQuery(phrase, mode: mode == .phrase ? .phrase : .allWords) else { return Result(lines: [], total: 0) }
        let index = other == nil ? nil : try session.currentIndexIfPresent()
        return try search(
            session.store, query: query, language: language, other: other, limit: limit, open: open, close: close,
            index: .some(index))
    }

    /// Searches.
    ///
    /// - Parameters:
    ///   - phrase: User input (see ``ConcordanceQuery``): unquoted words also find their inflected
    ///     forms, `"quoted words"` only themselves, a `*` after a word makes it a prefix, symbols
    ///     and emoji are found as written; `NEAR`, `-`, `:` and parentheses are never operators.
    ///   - language: The language searched.
    ///   - other: The language shown alongside (`nil`: all).
    ///   - mode: Phrase or all words.
    ///   - limit: The largest number of lines.
    ///   - open: Text put before each hit.
    ///   - close: Text put after each hit.
    /// - Returns: The lines and the number of all matching segments; none when the phrase holds no
    ///   word or symbol.
    public func run(
        _ phrase: String, language: LanguageTag, other: LanguageTag? = nil, mode: Mode = .phrase, limit: Int = 20,
        open: String = "«", close: String = "»"
    ) throws -> Result {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database).") }
        guard let query = ConcordanceQuery(phrase, mode: mode == .phrase ? .phrase : .allWords) else { return Result(lines: [], total: 0) }
        let memory = try StoreOpener.translationStore(database)
        return try Self.search(memory, query: query, language: language, other: other, limit: limit, open: open, close: close)
    }

    /// Searches many phrases with one open memory (and one mapped match index), as `concordance
    /// --file` does; `timing` receives each query's line number and its time in milliseconds.
    ///
    /// - Parameter queries: The phrases, e.g. from ``QueryFile`` (a blank one finds nothing).
    /// - Returns: The result of each query, in order (empty for a phrase with no word).
    /// - Throws: ``KitError`` `noDatabase`; storage errors.
    /// - Complexity: one search per phrase (see ``run(_:language:other:mode:limit:open:close:)``).
    public func run(
        batch queries: [QueryFile.Query], language: LanguageTag, other: LanguageTag? = nil, mode: Mode = .phrase, limit: Int = 20,
        open: String = "«", close: String = "»", timing: (Int, Double) -> Void = { _, _ in }
    ) throws -> [Result] {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database).") }
        let memory = try StoreOpener.translationStore(database)
        let index = Self.pairIndex(memory, other: other)
        var results: [Result] = []
        for entry in queries {
            let started = DispatchTime.now().uptimeNanoseconds
            var result = Result(lines: [], total: 0)
            if let query = ConcordanceQuery(entry.text, mode: mode == .phrase ? .phrase : .allWords) {
                result = try Self.search(memory, query: query, language: language, other: other, limit: limit, open: open, close: close, index: index)
            }
            timing(entry.line, Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            results.append(result)
        }
        return results
    }

    /// The match index for a pair search: the side file when there is one (mapped: nothing is
    /// built or copied); `nil` without a pair or a side file (the database answers then).
    static func pairIndex(_ memory: any TranslationStore, other: LanguageTag?) -> MatchIndex? {
        guard other != nil else { return nil }
        return (try? MatchIndexStore.existing(source: memory))??.currentIfPresent()
    }

    /// Searches an open memory (for a server or a batch).
    static func search(
        _ memory: any TranslationStore, query: ConcordanceQuery, language: LanguageTag, other: LanguageTag?, limit: Int,
        open: String, close: String, index: MatchIndex?? = .none
    ) throws -> Result {
        let index = index ?? Self.pairIndex(memory, other: other)
        let pairFilter = other.flatMap { other in index.map { $0.pairFilter(language: language, other: other) } }
        let found = try memory.searchConcordance(
            query, language: language, otherLanguage: other, limit: limit, pairFilter: pairFilter)
        let lines = found.hits.map { hit in
            var text = "", highlighted = "", hits: [Range<Int>] = []
            var start: Int?
            for character in hit.highlighted {
                if String(character) == ConcordanceHit.highlightStart {
                    start = text.utf16.count
                    highlighted += open
                } else if String(character) == ConcordanceHit.highlightEnd {
                    if let begin = start { hits.append(begin..<text.utf16.count) }
                    start = nil
                    highlighted += close
                } else {
                    text.append(character)
                    highlighted.append(character)
                }
            }
            return Line(
                unit: hit.unit, language: hit.language, text: text, highlighted: highlighted, hits: hits,
                others: hit.others.map { Other(language: $0.language, text: $0.text) })
        }
        return Result(lines: lines, total: found.total)
    }
}
