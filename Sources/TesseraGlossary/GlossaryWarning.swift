/// A problem in a glossary file that a lenient import stores anyway (`glossary import
/// --lenient`): what was wrong and where, printed as one line like ``GlossaryError``.
///
/// ```swift
/// // "bad.tbx:12:9: warning: <termSec> has a second <term>; TBX allows one term per term section."
/// ```
public struct GlossaryWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A sentence saying what was wrong in the input.
    public var message: String
    /// The file.
    public var file: String
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?

    /// Creates a warning.
    public init(_ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same problem as an error (what a strict read throws).
    public var error: GlossaryError { GlossaryError(.malformedTBX, message, file: file, line: line, column: column) }

    /// `file:line:column: warning: message`.
    public var description: String {
        var place = file
        if let line { place += ":" + String(line) }
        if let column { place += ":" + String(column) }
        return place + ": warning: " + message
    }
}
