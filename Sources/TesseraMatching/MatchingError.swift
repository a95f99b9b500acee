public import TesseraCore

/// The one error type of TesseraMatching: what went wrong, in one stable line.
///
/// ```swift
/// throw MatchingError(.corruptIndex, "Index file ends inside the token table.", context: "tm.db-match")
/// ```
public struct MatchingError: LocatedError {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable {
        /// A serialised index is truncated, of another version or inconsistent.
        case corruptIndex
        /// A query cannot be expressed (for example a concordance phrase with no searchable text).
        case invalidQuery
        /// An index file or one of its temporary files cannot be written (permissions, disk full).
        case cannotWrite
    }

    /// The kind of failure.
    public var kind: Kind
    /// A sentence saying what was wrong in the input.
    public var message: String
    /// Where it happened (a file path, a query), if known.
    public var context: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, context: String? = nil) {
        self.kind = kind
        self.message = message
        self.context = context
    }

    /// No file position (``context`` says where, if known).
    public var location: SourceLocation? { nil }

    /// `matching error [kind]: message (context)` on one line.
    public var description: String {
        "matching error [\(kind.rawValue)]: \(message)" + (context.map { " (\($0))" } ?? "")
    }
}
