/// The one storage of the located errors that are a kind, a message and a place (a file, a
/// line, a column, each unknown or not): a module declares its kinds (an ``ErrorKind`` enum) and
/// names the error `KindedError<ItsKinds>`, instead of repeating the fields, the initialiser and
/// the printing.
///
/// ```swift
/// public enum ParseErrorKind: String, ErrorKind { case unterminatedQuote }
/// public typealias ParseError = KindedError<ParseErrorKind>
/// ParseError(.unterminatedQuote, "The quote is not closed.", file: "a.csv", line: 3, column: 7).description
/// // "a.csv:3:7: unterminatedQuote: The quote is not closed."
/// ```
public struct KindedError<Kinds: ErrorKind>: LocatedError {
    /// The module's kinds of failure.
    public typealias Kind = Kinds

    /// What went wrong.
    public var kind: Kind
    /// A sentence saying what was wrong in the input (and what to do).
    public var message: String
    /// The file as the user named it, when known.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column on that line, when known.
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

    /// The kind, printed before the message (`file:line:column: kind: message`), when the kinds
    /// print a label.
    public var label: String { Kind.printsLabel ? kind.rawValue + ": " : "" }
}
