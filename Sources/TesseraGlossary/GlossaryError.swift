public import TesseraCore
/// The one error type of TesseraGlossary: what was wrong, where, printed as one line.
///
/// ```swift
/// // "basic_bad.tbx:12:5: malformedTBX: conceptEntry is missing its id attribute."
/// ```
public struct GlossaryError: LocatedError {
    /// The kinds of glossary failure.
    public enum Kind: String, Hashable, Sendable {
        /// The file could not be read or decoded (missing, not UTF-8/UTF-16).
        case unreadable
        /// The XML is not well formed or the TBX structure is wrong.
        case malformedTBX
        /// A CSV/TSV line is malformed (unterminated quote, unknown header).
        case malformedDelimited
        /// The format of the file could not be recognised.
        case unknownFormat
        /// A language code could not be parsed.
        case badLanguage
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence saying what was wrong in the input.
    public var message: String
    /// The file, if known.
    public var file: String?
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// Where the fault was found.
    public var location: SourceLocation? { SourceLocation(file: file, line: line, column: column) }

    /// The kind, printed before the message: `file:line:column: kind: message`.
    public var label: String { kind.rawValue + ": " }
}
