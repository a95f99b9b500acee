public import TesseraCore
/// What went wrong loading segmentation rules: an SRX file that is not well-formed XML, not SRX,
/// or holds a pattern that does not compile. Printed as one line with the file position.
///
/// ```swift
/// do { _ = try SRXDocument(data: data) } catch { print(error) }
/// // rules.srx:12:5: invalidPattern: Rule 3 has a pattern that does not compile: ...
/// ```
public struct SRXError: LocatedError {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The file is not well-formed XML.
        case malformedXML
        /// The XML is not an SRX document (wrong root element, missing attribute, unsupported version).
        case notSRX
        /// A rule's regular expression does not compile.
        case invalidPattern
        /// A language map names a language rule that does not exist.
        case unknownLanguageRule
        /// The file cannot be read.
        case unreadable
    }

    /// The kind of failure.
    public var kind: Kind
    /// What was wrong in the input.
    public var message: String
    /// The file name or path, when known.
    public var file: String?
    /// 1-based line of the offending element, when known.
    public var line: Int?
    /// 1-based column, when known.
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
