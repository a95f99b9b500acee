public import TesseraCore
/// Why a text file could not be read: missing, not UTF-8, UTF-16 without a byte-order mark, a lone
/// surrogate. Printed as one line `FILE:LINE:COLUMN: message`.
///
/// ```swift
/// do { _ = try TextFile(path: "queries.txt") } catch { print(error) }
/// // queries.txt:3:7: The file is not valid UTF-8 (byte 0xE9); save it as UTF-8 or as UTF-16 with a byte-order mark.
/// ```
public struct TextFileError: LocatedError {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The file does not exist or cannot be read.
        case unreadable
        /// The bytes are not valid in the detected encoding (invalid UTF-8, a lone UTF-16 surrogate,
        /// an odd number of UTF-16 bytes).
        case invalidEncoding
        /// The encoding is one Tessera does not read: UTF-16 without a byte-order mark, UTF-32.
        case unsupportedEncoding
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence saying what was wrong in the file and what to do.
    public var message: String
    /// The file as the user named it.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column (in characters) on that line, when known.
    public var column: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// Where the fault was found.
    public var location: SourceLocation? { SourceLocation(file: file, line: line, column: column) }
}
