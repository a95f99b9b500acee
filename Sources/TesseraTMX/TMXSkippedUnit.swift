/// A unit left out by a reader with ``TMXReader/Options/skipInvalid``: why, and where it began.
public struct TMXSkippedUnit: Hashable, Sendable, CustomStringConvertible {
    /// The error that made the unit invalid.
    public var reason: String
    /// The kind of that error.
    public var kind: TMXError.Kind
    /// The unit's `tuid`, if it had one.
    public var tuid: String?
    /// The line of the `<tu>` start tag.
    public var line: Int
    /// The column of the `<tu>` start tag.
    public var column: Int

    /// Creates a record of a skipped unit.
    public init(reason: String, kind: TMXError.Kind, tuid: String?, line: Int, column: Int) {
        self.reason = reason
        self.kind = kind
        self.tuid = tuid
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN: reason`.
    public var description: String { "\(line):\(column): \(reason)" }
}
