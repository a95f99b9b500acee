import TesseraText

/// The one reader of a batch file, used by every batch mode (`lookup --file`, `concordance
/// --file`): one query a line, numbered by its line in the file.
///
/// The rule every batch follows (README, "Batch files"): the whole file is read before the first
/// query runs, so a file that cannot be read fails the batch (exit 1, one `FILE:LINE:COLUMN:`
/// line, nothing on standard output); every line is a query, a blank line included (it finds
/// nothing, and keeps its place so the numbers printed are the file's line numbers); a query that
/// finds nothing is not a failure (exit 0).
///
/// ```swift
/// let file = try QueryFile(path: "queries.txt")   // "Open the file\n\nSave it\n"
/// file.queries.map(\.line)                         // [1, 2, 3]
/// file.queries.map(\.text)                         // ["Open the file", "", "Save it"]
/// ```
public struct QueryFile: Sendable, Hashable {
    /// One query: its line number and text.
    public struct Query: Sendable, Hashable, Codable {
        /// The 1-based line number in the file.
        public var line: Int
        /// The query text (empty for a blank line).
        public var text: String

        /// Creates a query.
        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }

        /// Whether the line is blank: such a query finds nothing and is not run.
        public var isBlank: Bool { text.isEmpty }
    }

    /// The file read.
    public var path: String
    /// Its queries, one per line, in order.
    public var queries: [Query]

    /// Reads `path` as every text file is read (UTF-8 or UTF-16 with a byte-order mark, any line end).
    /// - Throws: the text-file error `FILE:LINE:COLUMN: message` when the file is missing or not text.
    public init(path: String) throws {
        self.path = path
        queries = try TextFile(path: path).lines.map { Query(line: $0.number, text: String($0.text)) }
    }

    /// Queries given in memory (a server's request), numbered from 1.
    public init(texts: [String], path: String = "-") {
        self.path = path
        queries = texts.enumerated().map { Query(line: $0.offset + 1, text: $0.element) }
    }
}
