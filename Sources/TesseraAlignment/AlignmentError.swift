public import TesseraCore
/// The one error type of TesseraAlignment: a malformed alignment ("beads") file.
///
/// ```swift
/// AlignmentError(kind: .malformedBead, message: "Not an alignment line: \"[1, 2]\".", line: 3).description
/// // "line 3: malformedBead: Not an alignment line: \"[1, 2]\"."
/// ```
public struct AlignmentError: LocatedError {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// A line is not of the form `[i, j]:[k]`.
        case malformedBead
    }

    /// The kind.
    public var kind: Kind
    /// What was wrong in the input.
    public var message: String
    /// 1-based line number, if known.
    public var line: Int?

    /// Creates an error.
    public init(kind: Kind, message: String, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
    }

    /// The line of the beads file, when known.
    public var location: SourceLocation? { SourceLocation(file: nil, line: line) }

    /// The kind, printed before the message.
    public var label: String { kind.rawValue + ": " }
}
