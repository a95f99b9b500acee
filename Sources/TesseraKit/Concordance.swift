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

    /// Searches an open memory (for a server or a batch).
    static func search(
        _ memory: TranslationMemory, query: ConcordanceQuery, language: LanguageTag, other: LanguageTag?, limit: Int,
        open: String, close: String
    ) throws -> [Line] {
        // With a pair, the language filter reads the match side file when there is one (mapped:
        // nothing is built or copied); without it, the database answers.
        var index: MatchIndex?
        if other != nil, FileManager.default.fileExists(atPath: MatchIndexFile.path(for: memory)) {
            index = try? MatchIndexFile.load(memory).index
        }
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
