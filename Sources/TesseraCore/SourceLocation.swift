/// Where in an input something was found: a file, a 1-based line and column, any of them unknown.
///
/// The one rule for the place at the start of every error and warning line of every reader:
///
/// ```swift
/// SourceLocation(file: "a.tmx", line: 12, column: 5).prefix   // "a.tmx:12:5: "
/// SourceLocation(file: nil, line: 12, column: 5).prefix       // "line 12:5: "
/// SourceLocation(file: "a.tmx", line: nil, column: nil).prefix // "a.tmx: "
/// ```
public struct SourceLocation: Sendable, Hashable {
    /// The file name, if known.
    public var file: String?
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column on that line, if known (printed only with a line).
    public var column: Int?

    /// Creates a location; a line or column of 0 or less counts as unknown.
    public init(file: String?, line: Int?, column: Int? = nil) {
        self.file = file.flatMap { $0.isEmpty ? nil : $0 }
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = column.flatMap { $0 > 0 ? $0 : nil }
    }

    /// `file:line:column`, omitting the unknown parts; `line N:C` without a file; empty when
    /// nothing is known.
    public var place: String {
        var place = file ?? ""
        if let line {
            place += (place.isEmpty ? "line " : ":") + String(line)
            if let column { place += ":" + String(column) }
        }
        return place
    }

    /// ``place`` followed by `": "`, or empty when nothing is known: the start of a message line.
    public var prefix: String {
        let place = place
        return place.isEmpty ? "" : place + ": "
    }
}
