/// A recoverable oddity met while reading a TMX file: the file is still read, the warning is
/// counted in ``TMXWarningCounts``.
///
/// ```swift
/// let reader = try TMXReader(path: "old.tmx")
/// while let _ = try reader.next() {}
/// reader.warnings[.deprecatedUT]   // 2
/// ```
///
/// - SeeAlso: [TMX 1.4b](https://www.gala-global.org/tmx-14b)
public struct TMXWarning: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of warning.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
        /// A `tu` with a single `tuv` (nothing to translate to).
        case singleVariant
        /// A `tu` with no `tuv`.
        case noVariant
        /// A deprecated `ut` inline element (kept).
        case deprecatedUT
        /// An element TMX does not define, or one out of place: left out, its content ignored.
        case unknownElement
        /// A language code that is unusual (not 2-3 letters) but kept, or an unparsable one on an
        /// element where it is optional.
        case unknownLanguage
        /// The header has no `srclang` attribute.
        case headerMissingSrclang
        /// An entity reference that was not expanded (kept as the literal text `&name;`).
        case entityReference
        /// A header `ude` (user-defined encoding) element, skipped.
        case ude

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What kind of oddity this is.
    public var kind: Kind
    /// A sentence about the input.
    public var message: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int

    /// `LINE:COLUMN: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Warnings counted by kind, with the first few of each kind kept with their position.
public struct TMXWarningCounts: Hashable, Sendable {
    /// How many examples of each kind are kept.
    public static let examplesPerKind = 3

    /// The number of warnings of each kind.
    public private(set) var counts: [TMXWarning.Kind: Int] = [:]
    /// The first ``examplesPerKind`` warnings of each kind, in reading order.
    public private(set) var examples: [TMXWarning] = []

    /// Creates an empty count.
    public init() {}

    /// The number of warnings of `kind`.
    public subscript(kind: TMXWarning.Kind) -> Int { counts[kind] ?? 0 }

    /// The number of warnings of all kinds.
    public var total: Int { counts.values.reduce(0, +) }

    /// Whether a warning of `kind` would still be kept as an example (so its position is worth
    /// computing).
    public func wantsExample(of kind: TMXWarning.Kind) -> Bool { self[kind] < Self.examplesPerKind }

    /// Counts a warning, keeping it as an example while there are fewer than ``examplesPerKind``.
    public mutating func add(_ warning: TMXWarning) {
        if wantsExample(of: warning.kind) { examples.append(warning) }
        counts[warning.kind, default: 0] += 1
    }

    /// Counts a warning without keeping it as an example.
    public mutating func count(_ kind: TMXWarning.Kind) {
        counts[kind, default: 0] += 1
    }
}
