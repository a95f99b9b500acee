/// The one shape of Tessera's errors (hashable, sendable): what was wrong in an input, and where,
/// printed as one line `FILE:LINE:COLUMN: message` (the unknown parts left out, see
/// ``SourceLocation/prefix``).
///
/// Each module keeps its own error type (its kinds and extra context: an element path, the SQL
/// that failed); the printed line and the way to read the place are the same for all, so a front
/// end can report any of them alike.
///
/// ```swift
/// struct ParseError: LocatedError {
///     var message: String
///     var location: SourceLocation?
/// }
/// ParseError(message: "Unterminated quote.", location: SourceLocation(file: "a.csv", line: 3, column: 7)).description
/// // "a.csv:3:7: Unterminated quote."
/// ```
public protocol LocatedError: Error, Hashable, CustomStringConvertible {
    /// What was wrong, one sentence, without the place.
    var message: String { get }
    /// Where it was found, when known.
    var location: SourceLocation? { get }
    /// What the line shows between the place and the message (`"malformedTBX: "`); empty by
    /// default.
    var label: String { get }
}

extension LocatedError {
    /// No label: the line is the place and the message.
    public var label: String { "" }

    /// `FILE:LINE:COLUMN: label message`, omitting the parts that are unknown.
    public var description: String { (location?.prefix ?? "") + label + message }
}
