/// An error raised while reading or writing XML: what went wrong and where.
///
/// Printed as one stable line, `FILE:LINE:COLUMN: message`, with the position libxml2 reports
/// (line and column are 1-based; 0 when unknown).
///
/// ```swift
/// do { _ = try XMLStreamReader(path: "broken.tmx").next() }
/// catch { print(error) }   // broken.tmx:3:18: Opening and ending tag mismatch: seg line 3 and tuv
/// ```
///
/// - SeeAlso: [XML 1.0, well-formedness](https://www.w3.org/TR/xml/#sec-well-formed)
public struct XMLError: Error, CustomStringConvertible, Sendable, Equatable {
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

    /// Creates an error.
    public init(kind: Kind, message: String, file: String, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
