public import TesseraCore
public import TesseraIO

/// An error raised while reading or writing XML: what went wrong and where.
///
/// Printed as one stable line, `FILE:LINE:COLUMN: message`, with the position libxml2 reports
/// (line and column are 1-based), or `FILE: message` when there is no position (a missing file,
/// a file that is not XML, compressed data that ends early).
///
/// ```swift
/// do { _ = try XMLStreamReader(path: "broken.tmx").next() }
/// catch { print(error) }   // broken.tmx:3:18: Opening and ending tag mismatch: seg line 3 and tuv
/// ```
///
/// - SeeAlso: [XML 1.0, well-formedness](https://www.w3.org/TR/xml/#sec-well-formed)
public struct XMLError: LocatedError {
    /// What kind of fault the error reports.
    public enum Kind: Sendable, Equatable {
        /// The file cannot be opened or read.
        case cannotOpen
        /// The document is not well-formed XML.
        case malformed
        /// An entity reference that could not be handled safely (entity loop, amplification).
        case forbiddenEntity
        /// A DOCTYPE with an internal subset that declares entities (billion laughs, external
        /// entities): refused before anything is expanded.
        case forbiddenDoctype
        /// The document's encoding is unknown or its bytes do not match it.
        case encoding
        /// The output file could not be written.
        case write
        /// The file is not XML (bzip2, xz, a database, TSV...): ``XMLError/detected`` says what it is.
        case notXML
        /// The compressed data ends before its end (``XMLError/detected`` is the container).
        case truncated
        /// The compressed data or the archive is damaged, or the archive holds no single document.
        case damaged
    }

    /// What kind of fault this is.
    public var kind: Kind
    /// The message, one line, without a trailing line break.
    public var message: String
    /// The file (or the name given to an in-memory document).
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int
    /// What the file was found to be, for ``Kind-swift.enum/notXML`` (and the container for
    /// ``Kind-swift.enum/truncated``).
    public var detected: FileKind?

    /// Creates an error.
    public init(kind: Kind, message: String, file: String, line: Int = 0, column: Int = 0, detected: FileKind? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.detected = detected
    }

    /// The error for a file that cannot be opened or decoded.
    public init(_ error: FileError) {
        let kind: Kind =
            switch error.kind {
            case .notFound, .isDirectory, .unreadable, .write: .cannotOpen
            case .unsupported: .notXML
            case .truncated: .truncated
            case .corrupt, .archiveContent: .damaged
            }
        self.init(kind: kind, message: error.message, file: error.file, detected: error.detected)
    }

    /// Where the fault was found: printed `FILE:LINE:COLUMN: message`, or `FILE: message` when
    /// the line is unknown.
    public var location: SourceLocation? { SourceLocation(file: file, line: line, column: column) }
}
