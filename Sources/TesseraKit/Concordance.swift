import Foundation
public import TesseraCore
import TesseraMatching
import TesseraStorage

/// The concordance use case: segments of one language containing a phrase or words, hits marked,
/// the other language alongside.
///
/// ```swift
/// let lines = try Concordance(database: location).run("save file", language: LanguageTag("en")!, other: LanguageTag("de"))
/// lines.first?.highlighted   // "«Save» «file» as" (with the default markers)
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

    /// A language version shown alongside.
    public struct Other: Sendable, Hashable, Codable {
        /// Its language.
        public var language: LanguageTag
        /// Its plain text.
        public var text: String
    }

    /// The database.
    public var database: DatabaseLocation

    /// Creates the use case.
    public init(database: DatabaseLocation) { self.database = database }

    /// Searches.
    ///
    /// - Parameters:
    ///   - phrase: User input; quotes, `*`, `NEAR`, `-` are searched as text (a trailing `*` on a
    ///     word is a prefix search).
    ///   - language: The language searched.
    ///   - other: The language shown alongside (`nil`: all).
    ///   - mode: Phrase or all words.
    ///   - limit: The largest number of lines.
    ///   - open: Text put before each hit.
    ///   - close: Text put after each hit.
    /// - Returns: The lines; none when the phrase holds no word.
    public func run(
        _ phrase: String, language: LanguageTag, other: LanguageTag? = nil, mode: Mode = .phrase, limit: Int = 20,
        open: String = "«", close: String = "»"
    ) throws -> [Line] {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database.path).") }
        guard let query = ConcordanceQuery(phrase, mode: mode == .phrase ? .phrase : .allWords) else { return [] }
        let memory = try TranslationMemory.open(path: database.path)
        return try Self.search(memory, query: query, language: language, other: other, limit: limit, open: open, close: close)
    }

    /// Searches many phrases with one open memory (and one mapped match index), as `concordance
    /// --file` does; `timing` receives each phrase's number (from 1) and its time in milliseconds.
    ///
    /// - Returns: The lines of each phrase, in order (empty for a phrase with no word).
    /// - Throws: ``KitError`` `noDatabase`; storage errors.
    /// - Complexity: one search per phrase (see ``run(_:language:other:mode:limit:open:close:)``).
    public func run(
        phrases: [String], language: LanguageTag, other: LanguageTag? = nil, mode: Mode = .phrase, limit: Int = 20,
        open: String = "«", close: String = "»", timing: (Int, Double) -> Void = { _, _ in }
    ) throws -> [[Line]] {
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database.path).") }
        let memory = try TranslationMemory.open(path: database.path)
        let index = Self.pairIndex(memory, other: other)
        var result: [[Line]] = []
        for (number, phrase) in phrases.enumerated() {
            let started = DispatchTime.now().uptimeNanoseconds
            var lines: [Line] = []
            if let query = ConcordanceQuery(phrase, mode: mode == .phrase ? .phrase : .allWords) {
                lines = try Self.search(memory, query: query, language: language, other: other, limit: limit, open: open, close: close, index: index)
            }
            timing(number + 1, Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            result.append(lines)
        }
        return result
    }

    /// The match index for a pair search: the side file when there is one (mapped: nothing is
    /// built or copied); `nil` without a pair or a side file (the database answers then).
    static func pairIndex(_ memory: TranslationMemory, other: LanguageTag?) -> MatchIndex? {
        guard other != nil, FileManager.default.fileExists(atPath: MatchIndexFile.path(for: memory)) else { return nil }
        return try? MatchIndexFile.load(memory).index
    }

    /// Searches an open memory (for a server or a batch).
    static func search(
        _ memory: TranslationMemory, query: ConcordanceQuery, language: LanguageTag, other: LanguageTag?, limit: Int,
        open: String, close: String, index: MatchIndex?? = .none
    ) throws -> [Line] {
        let index = index ?? Self.pairIndex(memory, other: other)
        return try ConcordanceSearch.search(memory, query: query, language: language, otherLanguage: other, limit: limit, index: index).map { hit in
            var text = "", highlighted = "", hits: [Range<Int>] = []
            var start: Int?
            for character in hit.highlighted {
                if String(character) == ConcordanceSearch.highlightStart {
                    start = text.utf16.count
                    highlighted += open
                } else if String(character) == ConcordanceSearch.highlightEnd {
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
    }
}
